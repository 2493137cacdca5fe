def log = new File(basedir, 'build.log').text
def lines = log.readLines()
def refusals = lines.findAll { it.startsWith('[ERROR] Failed to execute goal')
    && it.contains('1 warning(s) not acknowledged, and kesgen.strict makes warnings fail') }
assert refusals.size() == 3 : "expected generate, check and plan to fail under kesgen.strict, got $refusals"
assert lines.any { it.startsWith('[ERROR]   [network-unbound] The AppRoles are bound to no network') }
// check logs the warnings too (it did not before)
assert lines.findAll { it.startsWith('[WARNING] [network-unbound] ') }.size() >= 5
assert lines.any { it.startsWith('[WARNING] [network-unbound] ') && it.endsWith('(acknowledged: a test cluster without a pod network to bind to)') }
assert lines.findAll { it.contains('kesgen check passed') }.size() == 2
def summary = new File(basedir, 'generated/SUMMARY.md').text
assert summary.contains('- `network-unbound`: ') && summary.contains('. Acknowledged: a test cluster without a pod network to bind to.')
