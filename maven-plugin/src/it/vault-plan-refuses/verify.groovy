def log = new File(basedir, 'build.log').text
assert log.contains('VAULT_ADDR (or BAO_ADDR) is not set: name the Vault to compare with') : 'no address accepted'
assert log.contains('VAULT_ADDR http://127.0.0.1:8200 is plain http: the token would cross the network unencrypted') :
    'plain http not refused'
assert !log.contains('s.never-printed') : 'the token is in the log'
// it read only: nothing was generated
assert !new File(basedir, 'generated').exists() : 'vault-plan wrote output'
