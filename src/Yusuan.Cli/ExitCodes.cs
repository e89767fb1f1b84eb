namespace Yusuan.Cli;

/// <summary>Exit codes, the same for every command (DESIGN.md).</summary>
public static class ExitCodes
{
    public const int Done = 0;
    public const int ErrorFindings = 1;
    public const int InputUnusable = 2;
    public const int InternalFailure = 3;
}
