import java.security.MessageDigest
import java.security.cert.CertificateFactory

def identityOf = { String path ->
  def cert = new File(basedir, path).withInputStream { CertificateFactory.getInstance('X.509').generateCertificate(it) }
  MessageDigest.getInstance('SHA-256').digest(cert.publicKey.encoded).encodeHex().toString()
}
def log = new File(basedir, 'build.log').text
// what the first generate issued, from its log lines "<name>: issued (...), identity <hex>, ..."
def issued = [:]
(log =~ /(kes\/dev|tenants\/dev\/\w+): issued.*?, identity ([0-9a-f]{64})/).each { issued[it[1]] = it[2] }
assert issued.keySet() == ['kes/dev', 'tenants/dev/gecko', 'tenants/dev/lynx'] as Set : "issued: $issued"

def changed = log.readLines().findAll { it.contains('Identity changed: ') }
assert changed.size() == 1 : "expected exactly one changed identity, got $changed"
def gecko = identityOf('generated/tenants/dev/gecko/client.crt')
assert changed[0].endsWith("Identity changed: tenants/dev/gecko: ${issued['tenants/dev/gecko']} -> $gecko")
assert gecko != issued['tenants/dev/gecko']
assert identityOf('generated/kes/dev/server.crt') == issued['kes/dev'] : 'the server certificate changed'
assert identityOf('generated/tenants/dev/lynx/client.crt') == issued['tenants/dev/lynx'] : 'lynx changed'

// rotate prints its plan and the next steps for exactly what changed, as the command line does
def rotateStart = log.lastIndexOf(':rotate (default-cli)')
assert rotateStart >= 0 : 'no rotate execution in the log'
def afterRotate = log.substring(rotateStart)
assert afterRotate.contains('the identity of tenant dev/gecko changes')
assert afterRotate.contains('[INFO]   kubectl apply --server-side -f secrets/tenants/dev/gecko/secret.yaml')
assert afterRotate =~ /\[INFO\]   kubectl rollout restart deployment,statefulset --namespace \S+ -l app=minio,release=gecko/
assert !(afterRotate =~ /release=lynx/)
