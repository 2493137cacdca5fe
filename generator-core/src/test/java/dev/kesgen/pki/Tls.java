package dev.kesgen.pki;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/** JDK TLS endpoints shaped like KES (auth off) and like MinIO's KES client. */
final class Tls {
  private static final char[] PASSWORD = "test".toCharArray();

  private Tls() {}

  /** Presents this certificate and key; uses the JDK's own PKIX key manager. */
  static KeyManagerFactory keyManager(IssuedCertificate issued) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("key", issued.privateKey(), PASSWORD, new Certificate[] {issued.certificate()});
    KeyManagerFactory factory = KeyManagerFactory.getInstance("PKIX");
    factory.init(store, PASSWORD);
    return factory;
  }

  /** The server side of KES with {@code auth: off}: requires a client certificate but trusts any. */
  static SSLContext kesServer(IssuedCertificate server) throws Exception {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keyManager(server).getKeyManagers(), new X509ExtendedTrustManager[] {new AcceptAnyClient()}, null);
    return context;
  }

  /** MinIO's side: presents the tenant certificate and trusts only the KES server certificate. */
  static SSLContext tenantClient(IssuedCertificate client, X509Certificate trusted) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("kes", trusted);
    TrustManagerFactory trustFactory = TrustManagerFactory.getInstance("PKIX");
    trustFactory.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keyManager(client).getKeyManagers(), trustFactory.getTrustManagers(), null);
    return context;
  }

  /** Connects to loopback, verifying the server certificate for {@code hostname} as HTTPS clients do. */
  static SSLSocket connect(SSLContext context, int port, String hostname) throws Exception {
    Socket plain = new Socket();
    plain.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
    plain.setSoTimeout(10_000);
    // The layered socket takes the host name we verify against, while the TCP connection goes to loopback.
    SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, hostname, port, true);
    SSLParameters parameters = socket.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    socket.setSSLParameters(parameters);
    return socket;
  }

  /** Runs a task on a daemon thread of its own (the common pool may have a single worker on small machines). */
  static void runOnOwnThread(Runnable task) {
    Thread thread = new Thread(task, "tls-test");
    thread.setDaemon(true);
    thread.start();
  }

  /** Like KES with auth off: a client certificate is required, its chain and expiry are not checked. */
  private static final class AcceptAnyClient extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
      throw new UnsupportedOperationException("server side only");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
      throw new UnsupportedOperationException("server side only");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
      throw new UnsupportedOperationException("server side only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
