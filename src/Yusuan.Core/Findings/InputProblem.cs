namespace Yusuan.Core.Findings;

/// <summary>
/// A reason an input file cannot be used at all (exit code 2). Always names the file, and the row and column when there is one.
/// Row numbers count the header as row 1, as a spreadsheet does.
/// </summary>
public sealed record InputProblem(string File, int? Row, string? Column, string Reason)
{
    public override string ToString()
    {
        var where = File;
        if (Row is not null)
        {
            where += $" 第 {Row} 行";
        }

        if (Column is not null)
        {
            where += $" 列“{Column}”";
        }

        return $"{where}：{Reason}";
    }
}
