{{/* The chart name, shortened to the 63 characters Kubernetes allows in a label. */}}
{{- define "kes.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The base name of every object except the Service (whose name is service.name verbatim). */}}
{{- define "kes.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "kes.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Selects the KES server pods only; the provisioning Job's pods differ in component, so the Service never routes to them. */}}
{{- define "kes.selectorLabels" -}}
app.kubernetes.io/name: {{ include "kes.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: server
{{- end }}

{{/* Labels shared by every object; each object adds its app.kubernetes.io/component. */}}
{{- define "kes.commonLabels" -}}
helm.sh/chart: {{ include "kes.chart" . }}
app.kubernetes.io/name: {{ include "kes.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Values.image.tag | trunc 63 | trimSuffix "-" | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "kes.labels" -}}
{{ include "kes.commonLabels" . }}
app.kubernetes.io/component: server
{{- end }}

{{/* Object names, defined once so the Deployment mounts exactly what the other templates create. */}}
{{- define "kes.configMapName" -}}
{{- printf "%s-config" (include "kes.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "kes.provisionJobName" -}}
{{- printf "%s-provision" (include "kes.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* repository:tag, and @digest when image.digest pins the content (Kubernetes then pulls by digest). */}}
{{- define "kes.image" -}}
{{- printf "%s:%s" .Values.image.repository .Values.image.tag }}
{{- with .Values.image.digest }}@{{ . }}{{ end }}
{{- end }}

{{/* The in-cluster URL that matches the server certificate's SAN <service.name>.<namespace>.svc. */}}
{{- define "kes.serverUrl" -}}
{{- printf "https://%s.%s.svc:%d" .Values.service.name .Release.Namespace (int .Values.service.port) }}
{{- end }}

{{/*
The given text as a YAML scalar that holds it byte for byte. Normally a literal block scalar
(readable in review) with an explicit indentation indicator, so a first line that starts with spaces
survives, and clip or strip chomping for one or no final newline. Text that ends in blank lines or holds
a carriage return falls back to a JSON (= YAML double-quoted) string: Helm trims the end of every
manifest, which would eat kept trailing newlines. Call with (dict "text" $s "indent" n), n = the key's column.
*/}}
{{- define "kes.scalar" -}}
{{- $text := .text }}
{{- if or (hasSuffix "\n\n" $text) (contains "\r" $text) }}
{{- toJson $text }}
{{- else }}
{{- $chomp := ternary "" "-" (hasSuffix "\n" $text) }}
{{- printf "|2%s" $chomp }}
{{- range splitList "\n" (trimSuffix "\n" $text) }}
{{ repeat (add $.indent 2 | int) " " }}{{ . }}
{{- end }}
{{- end }}
{{- end }}
