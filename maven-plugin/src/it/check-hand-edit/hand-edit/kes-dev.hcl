path "secret/*" {
  capabilities = ["sudo"]
}
