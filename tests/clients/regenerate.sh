#!/usr/bin/env bash
# Regenerates the NSwag and Kiota clients from the service's own OpenAPI document (tools pinned in
# .config/dotnet-tools.json). Run it after any change to the document; the drift test fails until then.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
dotnet tool restore >/dev/null
dotnet build src/FormsService.Api -c Debug -v q -nologo >/dev/null

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
bin=src/FormsService.Api/bin/Debug/net10.0/linux-x64
FormsService__FormsPath="$root/forms" FormsService__FontsPath="$root/fonts" ASPNETCORE_ENVIRONMENT=Production \
  "$bin/FormsService.Api" --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/health/live" >/dev/null && break; sleep 0.5; done
curl -sf "http://127.0.0.1:$port/openapi/v1.json" -o tests/clients/openapi.json

rm -rf tests/clients/NSwag tests/clients/Kiota
mkdir -p tests/clients/NSwag
dotnet nswag openapi2csclient /input:tests/clients/openapi.json /output:tests/clients/NSwag/FormsServiceClient.cs \
  /namespace:FormsService.Clients.NSwag /classname:FormsServiceClient /jsonLibrary:SystemTextJson \
  /generateClientInterfaces:false /useBaseUrl:true /generateOptionalParameters:true /operationGenerationMode:SingleClientFromOperationId >/dev/null
# NSwag's System.Text.Json output names enum values by EnumMember, which System.Text.Json ignores: it would send
# "Аға_инспекторы" for "аға инспекторы". JsonStringEnumMemberName (.NET 9+) is the attribute it reads.
sed -i -E 's/^( *)\[System\.Runtime\.Serialization\.EnumMember\(Value = (@"[^"]*")\)\]/&\n\1[System.Text.Json.Serialization.JsonStringEnumMemberName(\2)]/' \
  tests/clients/NSwag/FormsServiceClient.cs
dotnet kiota generate -l CSharp -d tests/clients/openapi.json -o tests/clients/Kiota -n FormsService.Clients.Kiota -c FormsServiceKiotaClient \
  --clean-output --exclude-backward-compatible --log-level Warning >/dev/null
rm -f tests/clients/Kiota/kiota-lock.json
echo "regenerated from $(wc -c < tests/clients/openapi.json) bytes of OpenAPI"
