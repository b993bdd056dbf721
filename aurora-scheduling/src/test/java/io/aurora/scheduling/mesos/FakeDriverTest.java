package io.aurora.scheduling.mesos;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.Filters;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.MasterInfo;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.junit.jupiter.api.Test;

class FakeDriverTest {
  private final FakeDriver driver = new FakeDriver();
  private final List<String> events = new ArrayList<>();

  @Test
  void subscribe_withStoredId_sendsItTwice() {
    FrameworkID id = FrameworkID.newBuilder().setValue("fw-1").build();
    driver.subscribe(Optional.of(id), recorder());
    Call subscribe = driver.calls(Call.Type.SUBSCRIBE).get(0);
    assertThat(subscribe.getFrameworkId()).isEqualTo(id);
    assertThat(subscribe.getSubscribe().getFrameworkInfo().getId()).isEqualTo(id);
    driver.deliverSubscribed();
    assertThat(events).containsExactly("subscribed fw-1");
  }

  @Test
  void acknowledge_onlyUpdatesWithUuid() {
    driver.subscribe(Optional.empty(), recorder());
    TaskStatus.Builder status = TaskStatus.newBuilder()
        .setTaskId(TaskID.newBuilder().setValue("t"))
        .setAgentId(AgentID.newBuilder().setValue("a"))
        .setState(TaskState.TASK_RUNNING);
    driver.acknowledge(status.build());
    assertThat(driver.calls(Call.Type.ACKNOWLEDGE)).isEmpty();
    driver.acknowledge(status.setUuid(ByteString.copyFrom(new byte[16])).build());
    assertThat(driver.calls(Call.Type.ACKNOWLEDGE)).hasSize(1);
    assertThat(driver.calls(Call.Type.ACKNOWLEDGE).get(0).getFrameworkId())
        .isEqualTo(FakeDriver.DEFAULT_FRAMEWORK_ID);
  }

  @Test
  void recordsCallsAndDeliversEvents() {
    driver.subscribe(Optional.empty(), recorder());
    OfferID offer = OfferID.newBuilder().setValue("o1").build();
    driver.decline(List.of(offer), Filters.newBuilder().setRefuseSeconds(30).build());
    driver.reconcileAll();
    driver.teardown();
    assertThat(driver.calls()).extracting(Call::getType).containsExactly(
        Call.Type.SUBSCRIBE, Call.Type.DECLINE, Call.Type.RECONCILE, Call.Type.TEARDOWN);
    assertThat(driver.calls(Call.Type.DECLINE).get(0).getDecline().getFilters().getRefuseSeconds())
        .isEqualTo(30.0);
    assertThat(driver.isStopped()).isTrue();

    driver.deliverRescind(offer);
    driver.deliverExecutorFailure(AgentID.newBuilder().setValue("a").build(),
        ExecutorID.newBuilder().setValue("e").build(), 3);
    driver.deliverError("Framework has been removed");
    assertThat(events).containsExactly(
        "rescinded o1", "failure a e 3", "error Framework has been removed");
  }

  private DriverListener recorder() {
    return new DriverListener() {
      @Override public void subscribed(FrameworkID frameworkId, MasterInfo masterInfo) {
        events.add("subscribed " + frameworkId.getValue());
      }

      @Override public void offers(List<Offer> offers) {
        events.add("offers " + offers.size());
      }

      @Override public void rescinded(OfferID offerId) {
        events.add("rescinded " + offerId.getValue());
      }

      @Override public void statusUpdate(TaskStatus status) {
        events.add("update " + status.getState());
      }

      @Override public void failure(
          Optional<AgentID> agentId, Optional<ExecutorID> executorId, OptionalInt status) {
        events.add("failure " + agentId.map(AgentID::getValue).orElse("-") + " "
            + executorId.map(ExecutorID::getValue).orElse("-") + " " + status.orElse(-1));
      }

      @Override public void error(String message) {
        events.add("error " + message);
      }

      @Override public void disconnected() {
        events.add("disconnected");
      }
    };
  }
}
