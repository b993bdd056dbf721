package io.aurora.server.thrift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurora.gen.AuroraAdmin;
import io.aurora.gen.Response;
import io.aurora.gen.ResponseCode;
import io.aurora.gen.ResponseDetail;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.thrift.TApplicationException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.transport.TSocket;
import org.apache.thrift.transport.TTransport;
import org.apache.thrift.transport.TTransportException;
import org.apache.thrift.transport.layered.TFramedTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ThriftTcpServerIT {

  private static final int MAX_FRAME = 64 * 1024;

  private final List<String> calls = new CopyOnWriteArrayList<>();
  private ThriftTcpServer server;

  @BeforeEach
  void setUp() {
    server =
        ThriftTcpServer.start(
            fakeService(),
            new ThriftTcpOptions(new InetSocketAddress("127.0.0.1", 0), MAX_FRAME, 1, 2));
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  @Test
  void roundTrip_framedBinary_reachesTheService() throws Exception {
    assertThat(server.port()).isPositive();

    Response response = call("www-data");

    assertThat(response.getResponseCode()).isEqualTo(ResponseCode.OK);
    assertThat(response.getDetails()).containsExactly(new ResponseDetail("summary of www-data"));
    assertThat(calls).containsExactly("getJobSummary(www-data)");
  }

  @Test
  void serviceThatThrows_answersWithApplicationException_andKeepsServing() throws Exception {
    try (TTransport transport =
        new TFramedTransport(new TSocket("127.0.0.1", server.port(), 5000))) {
      transport.open();
      AuroraAdmin.Client client = new AuroraAdmin.Client(new TBinaryProtocol(transport));

      assertThatThrownBy(() -> client.getJobSummary("explode"))
          .isInstanceOf(TApplicationException.class);
      // Same connection, next call: a failing handler does not cost the client its connection.
      assertThat(client.getJobSummary("fine").getResponseCode()).isEqualTo(ResponseCode.OK);
    }
  }

  @Test
  void garbageFrame_closesOnlyThatConnection() throws Exception {
    byte[] junk = new byte[200];
    new Random(7).nextBytes(junk);
    try (Socket s = rawSocket()) {
      DataOutputStream out = new DataOutputStream(s.getOutputStream());
      out.writeInt(junk.length);
      out.write(junk);
      out.flush();
      assertThat(closedByServer(s)).isTrue();
    }

    assertThat(call("after-garbage").getResponseCode()).isEqualTo(ResponseCode.OK);
  }

  @Test
  void unframedBytes_closeTheConnection() throws Exception {
    try (Socket s = rawSocket()) {
      // An HTTP request on the Thrift port: its first four bytes read as a 1.2 GB frame length.
      s.getOutputStream()
          .write(
              "GET /health HTTP/1.0\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
      assertThat(closedByServer(s)).isTrue();
    }

    assertThat(call("after-http").getResponseCode()).isEqualTo(ResponseCode.OK);
  }

  @Test
  void oversizedFrame_isRefusedBeforeReading_andServerStaysUp() throws Exception {
    try (Socket s = rawSocket()) {
      DataOutputStream out = new DataOutputStream(s.getOutputStream());
      out.writeInt(MAX_FRAME + 1);
      out.write(new byte[1024]);
      out.flush();
      assertThat(closedByServer(s)).isTrue();
    }
    try (Socket s = rawSocket()) {
      new DataOutputStream(s.getOutputStream()).writeInt(-5);
      assertThat(closedByServer(s)).isTrue();
    }

    assertThat(call("after-oversized").getResponseCode()).isEqualTo(ResponseCode.OK);
  }

  @Test
  void halfSentFrame_doesNotBlockOtherClients() throws Exception {
    try (Socket stalled = rawSocket()) {
      DataOutputStream out = new DataOutputStream(stalled.getOutputStream());
      out.writeInt(1000);
      out.write(new byte[10]);
      out.flush();

      assertThat(call("while-stalled").getResponseCode()).isEqualTo(ResponseCode.OK);
    }
  }

  @Test
  void close_stopsServing_andFreesThePort() throws Exception {
    int port = server.port();
    server.close();

    assertThat(server.isServing()).isFalse();
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(IOException.class);
  }

  @Test
  void close_endsTheThreadsMadeByItsFactory_evenRightAfterStart() throws Exception {
    List<Thread> made = new CopyOnWriteArrayList<>();
    ThriftTcpServer other = ThriftTcpServer.start(fakeService(),
        new ThriftTcpOptions(new InetSocketAddress("127.0.0.1", 0), MAX_FRAME, 1, 2), r -> {
          Thread t = new Thread(r, "test-thrift");
          made.add(t);
          return t;
        });
    other.close();

    assertThat(made).isNotEmpty().noneMatch(Thread::isAlive);
  }

  private Response call(String role) throws Exception {
    try (TTransport transport =
        new TFramedTransport(new TSocket("127.0.0.1", server.port(), 5000))) {
      transport.open();
      return new AuroraAdmin.Client(new TBinaryProtocol(transport)).getJobSummary(role);
    }
  }

  private Socket rawSocket() throws IOException {
    Socket s = new Socket("127.0.0.1", server.port());
    s.setSoTimeout(5000);
    return s;
  }

  /** True when the server closes (EOF or reset) rather than leaving us waiting. */
  private static boolean closedByServer(Socket s) throws IOException {
    InputStream in = s.getInputStream();
    try {
      return in.read() == -1;
    } catch (SocketException e) {
      return true;
    }
  }

  /** Answers getJobSummary; any other method fails the call, which is all these tests need. */
  private AuroraAdmin.Iface fakeService() {
    return (AuroraAdmin.Iface)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {AuroraAdmin.Iface.class},
            (proxy, method, args) -> {
              if (method.getDeclaringClass() == Object.class) {
                return method.invoke(this, args);
              }
              if (!method.getName().equals("getJobSummary")) {
                throw new TTransportException(
                    "fake service does not implement " + method.getName());
              }
              if ("explode".equals(args[0])) {
                throw new IllegalStateException("a bug in the service");
              }
              calls.add("getJobSummary(" + args[0] + ")");
              return new Response()
                  .setResponseCode(ResponseCode.OK)
                  .setDetails(List.of(new ResponseDetail("summary of " + args[0])));
            });
  }
}
