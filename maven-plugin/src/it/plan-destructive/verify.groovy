// the second run (failOnDestructive) wrote nothing: lynx is still there, and the log says why
assert new File(basedir, 'generated/tenants/dev/lynx/values.yaml').exists() : 'failOnDestructive wrote output'
def log = new File(basedir, 'build.log').text
assert log.contains('! tenant dev/lynx removed: KES no longer serves it') : 'the removal is not called out'
assert log.contains('destructive change(s) and fail-on-destructive is set, so nothing was written') : 'no refusal'
assert log =~ /(?m)^\[INFO\]   - tenants\/dev\/lynx\/values\.yaml$/ : 'the deleted file is not listed'
// the last run plans the topology that was generated: no changes
assert log.contains('Plan: No changes.') : 'the plan of the generated topology is not empty'
