import java.nio.file.Files
import java.nio.file.attribute.PosixFilePermission

def expected = ['generated/SUMMARY.md', 'generated/vault/policies/kes-dev.hcl', 'generated/kes/dev/values.yaml',
                'generated/kes/dev/server.crt', 'generated/tenants/dev/gecko/client.crt',
                'generated/tenants/dev/lynx/client.crt', 'secrets/kes/dev/server.key', 'secrets/.gitignore']
expected.each { assert new File(basedir, it).isFile() : "missing $it" }

def key = new File(basedir, 'secrets/kes/dev/server.key').toPath()
assert Files.getPosixFilePermissions(key) == [PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE] as Set

def leaks = []
new File(basedir, 'generated').eachFileRecurse(groovy.io.FileType.FILES) { f ->
  if (f.text.contains('PRIVATE KEY')) leaks << f
}
assert leaks.isEmpty() : "private keys under generated/: $leaks"

def log = new File(basedir, 'build.log').text
assert log.contains('Files written ') : 'no summary in the log'
assert log =~ /certificates issued 4, renewed 0, kept 0/
assert !log.contains('Up to date: nothing written.')

// the next steps, with the command line's wording and paths from the project directory (ConventionsIT in cli)
assert log.contains('[INFO] Next steps, from the project directory (docs/operations.md has their reasons):')
assert log.contains('[INFO]   kubectl apply --server-side -f secrets/tenants/dev/gecko/secret.yaml')
assert log.contains('[INFO]   sh generated/vault/apply.sh')
assert log.contains('[INFO]   helm upgrade --install kes-dev charts/kes --namespace kes-dev -f generated/kes/dev/values.yaml')
assert new File(basedir, 'generated/kes/dev/values.yaml').text.contains(
    '#   helm upgrade --install kes-dev charts/kes --namespace kes-dev -f generated/kes/dev/values.yaml\n')
assert new File(basedir, 'generated/vault/policies/kesgen-operator.hcl').text.contains('path "sys/policies/acl/kes-dev"')
