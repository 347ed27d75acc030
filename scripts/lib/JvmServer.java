// One JVM for the Java tools of an `npm test` run (apex-ls's CheckForIssues and Code Analyzer's
// PmdWrapper; scripts/lib/jvm.ts starts it, scripts/lib/jvmClient.cjs talks to it). Every tool
// run used to start a JVM of its own: about 2 s of class loading and JIT each time, fourteen
// times a run. Here the classes stay loaded and compiled between runs.
//
// Launched in source-file mode (`java -cp <tool jars> JvmServer.java <token>`), so nothing is
// compiled into the repository. It prints `listening <port>` and serves 127.0.0.1 only; a
// request must carry the token. Requests run one at a time, each a `main` of the tool's own
// classes with System.out and System.err sent back to the caller and System.exit caught (a
// SecurityManager, hence -Djava.security.manager=allow). When the parent's pipe closes (its
// stdin), the server exits.
//
// Protocol, all integers 4-byte big-endian, strings UTF-8 with their byte length first:
//   request:  token, main class, argument count, arguments
//   response: frames of a type byte ('o' stdout, 'e' stderr) and a byte string, then 'x' and
//             the exit code
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.Permission;
import java.util.concurrent.locks.ReentrantLock;

public final class JvmServer {
  private static final ReentrantLock ONE_AT_A_TIME = new ReentrantLock(true);
  private static final PrintStream STDOUT = System.out;
  private static final PrintStream STDERR = System.err;
  private static final PrintStream DISCARD =
      new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);

  /** The first System.exit of the running request; what follows it is not the tool's output. */
  private static volatile Integer exitCode;

  private static volatile boolean serving;

  private static final class Exit extends SecurityException {
    private static final long serialVersionUID = 1L;

    Exit(int status) {
      super("System.exit(" + status + ")");
    }
  }

  /** Frames written to the caller; one lock for both streams so frames never interleave. */
  private static final class FrameStream extends OutputStream {
    private final DataOutputStream socket;
    private final byte type;

    FrameStream(DataOutputStream socket, char type) {
      this.socket = socket;
      this.type = (byte) type;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      if (length == 0) {
        return;
      }
      synchronized (socket) {
        socket.writeByte(type);
        socket.writeInt(length);
        socket.write(bytes, offset, length);
      }
    }

    @Override
    public void flush() throws IOException {
      synchronized (socket) {
        socket.flush();
      }
    }
  }

  public static void main(String[] argv) throws Exception {
    String token = argv[0];
    System.setSecurityManager(
        new SecurityManager() {
          @Override
          public void checkPermission(Permission permission) {}

          @Override
          public void checkPermission(Permission permission, Object context) {}

          @Override
          public void checkExit(int status) {
            if (!serving) {
              return;
            }
            if (exitCode == null) {
              exitCode = status;
              System.setOut(DISCARD);
              System.setErr(DISCARD);
            }
            throw new Exit(status);
          }
        });
    ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread watchdog =
        new Thread(
            () -> {
              try {
                while (System.in.read() >= 0) {
                  // The parent never writes; EOF means it is gone.
                }
              } catch (IOException ignored) {
                // Same as EOF.
              }
              Runtime.getRuntime().halt(0);
            });
    watchdog.setDaemon(true);
    watchdog.start();
    STDOUT.println("listening " + server.getLocalPort());
    STDOUT.flush();
    while (true) {
      Socket socket = server.accept();
      Thread handler = new Thread(() -> serve(socket, token));
      handler.setDaemon(true);
      handler.start();
    }
  }

  private static String readString(DataInputStream in) throws IOException {
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static void serve(Socket socket, String token) {
    try (socket) {
      DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
      DataOutputStream out =
          new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
      if (!token.equals(readString(in))) {
        return;
      }
      String mainClass = readString(in);
      String[] args = new String[in.readInt()];
      for (int i = 0; i < args.length; i++) {
        args[i] = readString(in);
      }
      int code = run(mainClass, args, out);
      synchronized (out) {
        out.writeByte('x');
        out.writeInt(code);
        out.flush();
      }
    } catch (IOException gone) {
      // The caller went away; nothing to answer.
    }
  }

  private static int run(String mainClass, String[] args, DataOutputStream socket) {
    ONE_AT_A_TIME.lock();
    PrintStream out = new PrintStream(new FrameStream(socket, 'o'), true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new FrameStream(socket, 'e'), true, StandardCharsets.UTF_8);
    try {
      exitCode = null;
      serving = true;
      System.setOut(out);
      System.setErr(err);
      int code = 0;
      try {
        Class.forName(mainClass).getMethod("main", String[].class).invoke(null, (Object) args);
      } catch (InvocationTargetException thrown) {
        if (exitCode == null) {
          // As the java launcher does for an exception out of main: its trace, exit code 1.
          err.print("Exception in thread \"main\" ");
          thrown.getCause().printStackTrace(err);
          code = 1;
        }
      } catch (ReflectiveOperationException | LinkageError notRunnable) {
        notRunnable.printStackTrace(err);
        code = 1;
      }
      return exitCode != null ? exitCode : code;
    } finally {
      out.flush();
      err.flush();
      System.setOut(STDOUT);
      System.setErr(STDERR);
      serving = false;
      exitCode = null;
      ONE_AT_A_TIME.unlock();
    }
  }
}
