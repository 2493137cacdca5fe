def lines = new File(basedir, 'build.log').readLines()
assert lines.any { it.contains('kesgen check passed') } : 'the check 36 days before expiry did not pass'
def failures = lines.findAll { it.startsWith('[ERROR] Failed to execute goal') && it.contains('kesgen check found ') }
assert failures.size() == 2 : "expected two failing checks, got $failures"

def findings = lines.findAll { it.startsWith('[ERROR]   ') }
// 2026-01-20: 21 days left, inside each certificate's renewBefore (30d)
assert findings.any { it.contains('kes/dev/server.crt: ') && it.contains('renewBefore') }
assert findings.any { it.contains('tenants/dev/gecko/client.crt: ') && it.contains('renewBefore') }
// 2026-01-05 with failOnExpiringWithin=37d: 36 days left
assert findings.any { it.contains('kes/dev/server.crt: ') && it.contains('37d') }
assert findings.any { it.contains('tenants/dev/gecko/client.crt: ') && it.contains('37d') }
