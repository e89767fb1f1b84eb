# Sourced by the benchmarks: `yusuan` measured as a user installs it — published (README: `dotnet publish`), which compiles
# it and its libraries ahead of time (ReadyToRun, Yusuan.Cli.csproj) — rather than the build's output, which the JIT compiles
# while it runs (docs/benchmarks.md, issue 16, seventh step: both side by side).
#   publish_yusuan OUT [SOURCE-TREE]   publishes the CLI of SOURCE-TREE (default: this one) into OUT; a tree from before
#                                      ReadyToRun was the default is published ahead of time too, so that both compare alike
publish_yusuan() { dotnet publish -c Release -p:PublishReadyToRun=true "${2:-.}/src/Yusuan.Cli" -o "$1" >/dev/null; }
