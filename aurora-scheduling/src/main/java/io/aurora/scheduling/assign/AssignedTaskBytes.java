package io.aurora.scheduling.assign;

import io.aurora.gen.AssignedTask;
import io.aurora.gen.TaskConfig;
import java.util.Arrays;
import java.util.Map;
import org.apache.thrift.TException;
import org.apache.thrift.TSerializer;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TMap;
import org.apache.thrift.protocol.TStruct;
import org.apache.thrift.protocol.TType;
import org.apache.thrift.transport.TMemoryBuffer;

/**
 * The Thrift binary form of an {@link AssignedTask} written around its config's bytes serialized
 * once, so that launching many tasks of one config serializes the config once, not per task.
 * The output is byte for byte what the generated {@code AssignedTask.write} produces (same field
 * order, same rule for unset fields), which {@code AssignedTaskBytesTest} checks.
 */
final class AssignedTaskBytes {
  private static final TStruct STRUCT = new TStruct("AssignedTask");
  private static final TField TASK_ID = new TField("taskId", TType.STRING, (short) 1);
  private static final TField SLAVE_ID = new TField("slaveId", TType.STRING, (short) 2);
  private static final TField SLAVE_HOST = new TField("slaveHost", TType.STRING, (short) 3);
  private static final TField TASK = new TField("task", TType.STRUCT, (short) 4);
  private static final TField PORTS = new TField("assignedPorts", TType.MAP, (short) 5);
  private static final TField INSTANCE_ID = new TField("instanceId", TType.I32, (short) 6);

  private AssignedTaskBytes() {}

  /** The binary form of {@code config}, to pass to {@link #write}. */
  static byte[] config(TaskConfig config) {
    try {
      return new TSerializer(new TBinaryProtocol.Factory()).serialize(config);
    } catch (TException e) {
      throw new IllegalStateException("cannot serialize the config of " + config.getJob(), e);
    }
  }

  /**
   * The binary form of {@code task}, whose config's binary form is {@code configBytes} (from
   * {@link #config} of a config equal to {@code task.getTask()}).
   */
  static byte[] write(AssignedTask task, byte[] configBytes) {
    try {
      TMemoryBuffer transport = new TMemoryBuffer(configBytes.length + 256);
      TBinaryProtocol protocol = new TBinaryProtocol(transport);
      protocol.writeStructBegin(STRUCT);
      string(protocol, TASK_ID, task.getTaskId());
      string(protocol, SLAVE_ID, task.getSlaveId());
      string(protocol, SLAVE_HOST, task.getSlaveHost());
      if (task.getTask() != null) {
        protocol.writeFieldBegin(TASK);
        transport.write(configBytes);
        protocol.writeFieldEnd();
      }
      Map<String, Integer> ports = task.getAssignedPorts();
      if (ports != null) {
        protocol.writeFieldBegin(PORTS);
        protocol.writeMapBegin(new TMap(TType.STRING, TType.I32, ports.size()));
        for (Map.Entry<String, Integer> port : ports.entrySet()) {
          protocol.writeString(port.getKey());
          protocol.writeI32(port.getValue());
        }
        protocol.writeMapEnd();
        protocol.writeFieldEnd();
      }
      protocol.writeFieldBegin(INSTANCE_ID);
      protocol.writeI32(task.getInstanceId());
      protocol.writeFieldEnd();
      protocol.writeFieldStop();
      protocol.writeStructEnd();
      return Arrays.copyOf(transport.getArray(), transport.length());
    } catch (TException e) {
      throw new IllegalStateException("cannot serialize task " + task.getTaskId(), e);
    }
  }

  private static void string(TBinaryProtocol protocol, TField field, String value)
      throws TException {
    if (value != null) {
      protocol.writeFieldBegin(field);
      protocol.writeString(value);
      protocol.writeFieldEnd();
    }
  }
}
