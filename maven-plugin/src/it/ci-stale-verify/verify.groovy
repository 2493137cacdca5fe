import java.security.MessageDigest

// generate bound into `mvn verify` compared instead of writing, and failed the build
def log = new File(basedir, 'build.log').text
assert log.contains('kesgen: CI is set: generate compares the committed output with what it would write and writes '
    + 'nothing (to generate in CI on purpose, add -Dkesgen.writeInCi=true)')
assert log.contains('The committed output is stale; run generate locally and commit the result. CI is set, so '
    + 'generate compared instead of writing (to generate in CI on purpose, add -Dkesgen.writeInCi=true).')
assert log =~ /(?m)^\s*generated\/tenants\/dev\/lynx\/client\.crt: / : 'the missing client certificate is not named'
// the failure is generate's, before check ran; then `mvn -B check` failed on its own
def lines = log.readLines()
assert lines.count { it.contains('BUILD FAILURE') } == 2
assert lines.count { it.startsWith('[ERROR] Failed to execute goal ') && it.contains(':generate (generate) ')
    && it.contains('The committed output is stale') } == 1 : 'step 2 (`mvn -B verify`) did not fail in generate'
assert lines.count { it.startsWith('[ERROR] Failed to execute goal ') && it.contains(':check (default-check) ')
    && it.contains('kesgen check found ') } == 1 : 'step 3 (`mvn -B check`) did not fail with findings'
// comparing issues nothing, so it reports no certificate as issued
assert !log.contains('lynx: issued')
assert !log.contains('kesgen check passed')
assert !log.contains('Up to date: nothing written.')

// nothing on disk changed: no lynx output or key, and every committed file is the one step 1 wrote
assert !new File(basedir, 'generated/tenants/dev/lynx').exists() : 'generate wrote the new tenant in CI'
assert !new File(basedir, 'secrets/tenants/dev/lynx').exists() : 'generate issued a key in CI'
def generated = new File(basedir, 'generated')
def manifest = new File(generated, '.kesgen-manifest').readLines().findAll { it }.collectEntries {
  def (hash, path) = it.split('  ', 2); [(path): hash]
}
def files = []
generated.eachFileRecurse(groovy.io.FileType.FILES) { files << generated.toPath().relativize(it.toPath()).toString() }
assert (files - '.kesgen-manifest').sort() == manifest.keySet().sort() : "files not as step 1 wrote them: $files"
manifest.each { path, hash ->
  def sha = MessageDigest.getInstance('SHA-256').digest(new File(generated, path).bytes).encodeHex().toString()
  assert sha == hash : "$path changed after step 1"
}
assert !new File(generated, 'SUMMARY.md').text.contains('lynx')
