#!/usr/bin/env bash
# Lint the BPMN models in processes/ with bpmnlint (config: .bpmnlintrc).
# Fails (non-zero exit) on any error OR warning.
# Usage: scripts/lint-models.sh [file.bpmn ...]   (default: processes/*.bpmn)
set -euo pipefail

cd "$(dirname "$0")/.."

if [ ! -d node_modules/bpmnlint ] || [ ! -d node_modules/bpmnlint-plugin-camunda-compat ]; then
  npm ci --no-audit --no-fund
fi

if [ "$#" -gt 0 ]; then
  files=("$@")
else
  shopt -s nullglob
  files=(processes/*.bpmn)
  shopt -u nullglob
fi

if [ "${#files[@]}" -eq 0 ]; then
  echo "lint-models: no BPMN files found" >&2
  exit 1
fi

# bpmnlint exits 1 on errors; --max-warnings 0 makes it exit 1 on warnings too.
# The summary line is also checked, as a belt-and-braces guard against a
# future bpmnlint that ignores the flag.
set +e
output="$(npx --no-install bpmnlint --max-warnings=0 "${files[@]}" 2>&1)"
rc=$?
set -e

printf '%s\n' "$output"

if [ "$rc" -ne 0 ]; then
  echo "lint-models: FAILED (bpmnlint exit code $rc)" >&2
  exit "$rc"
fi

if printf '%s\n' "$output" | grep -Eq '[0-9]+ problems? \(|[[:space:]]warning[[:space:]]|[[:space:]]error[[:space:]]'; then
  echo "lint-models: FAILED (problems reported)" >&2
  exit 1
fi

echo "lint-models: OK (${#files[@]} file(s), no errors or warnings)"
