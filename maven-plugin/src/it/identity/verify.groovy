import java.security.MessageDigest
import java.security.cert.CertificateFactory

def crt = new File(basedir, 'generated/kes/dev/server.crt')
def cert = crt.withInputStream { CertificateFactory.getInstance('X.509').generateCertificate(it) }
def expected = MessageDigest.getInstance('SHA-256').digest(cert.publicKey.encoded).encodeHex().toString()

def printed = new File(basedir, 'build.log').readLines().findAll { it ==~ /\[INFO\] [0-9a-f]{64}/ }
assert printed == ["[INFO] $expected".toString()] : "expected the identity $expected alone on one line, got $printed"
assert new File(basedir, 'generated/SUMMARY.md').text.contains(expected) : 'SUMMARY.md shows another identity'
