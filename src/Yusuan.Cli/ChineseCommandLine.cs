using System.CommandLine;
using System.Text;
using System.Text.RegularExpressions;

namespace Yusuan.Cli;

/// <summary>
/// What System.CommandLine's zh-Hans resources leave in English — a few help headings and some parse errors — said in
/// Chinese, so that nothing a person reads on the command line is English.
/// </summary>
internal static partial class ChineseCommandLine
{
    [GeneratedRegex(@"^Option '(?<option>[^']+)' is required\.$")]
    private static partial Regex OptionRequired();

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for (?:option|command) '(?<option>[^']+)' as expected type '(?<type>[^']+)'\.$")]
    private static partial Regex CannotParse();

    [GeneratedRegex("[A-Za-z]{4,}")]
    private static partial Regex English();

    /// <summary>A parse error in Chinese: the library's own where it gave Chinese, ours for the English ones.</summary>
    public static string Error(string message, string command) => message.Replace("。.", "。", StringComparison.Ordinal) switch
    {
        _ when OptionRequired().Match(message) is { Success: true } m => $"缺少必需的选项 {m.Groups["option"].Value}",
        _ when CannotParse().Match(message) is { Success: true } m => $"{m.Groups["option"].Value} 的值“{m.Groups["value"].Value}”无法识别，应为{Type(m.Groups["type"].Value)}",
        // An option's name, then Chinese: said by one of our own options' checks (CommonOptions.OneOf), which name options
        // and values as typed; the library's own messages begin otherwise.
        _ when message.StartsWith("--", StringComparison.Ordinal) && message.Any(c => c is >= '\u4E00' and <= '\u9FFF') => message,
        // English words outside the quoted names ('audit', 'FILE') mean the library said it in English.
        _ when English().IsMatch(Regex.Replace(message, "'[^']*'", string.Empty).Replace("yusuan", string.Empty, StringComparison.Ordinal)) => $"命令行有误，请用 {(command == "yusuan" ? "yusuan" : "yusuan " + command)} --help 查看用法",
        var chinese => chinese,
    };

    private static string Type(string type) => type switch
    {
        "System.Int32" or "System.Int64" => "整数",
        "System.Decimal" or "System.Double" => "数字",
        "System.Boolean" => " true 或 false",
        "System.DateOnly" => "日期（如 2026-06-30）",
        _ => "规定的格式",
    };

    /// <summary>The help option's own line, in Chinese.</summary>
    public static void Localise(RootCommand root)
    {
        foreach (var option in root.Options.Where(o => o.Name is "--help" or "-h" or "-?" || o.Aliases.Contains("--help")))
        {
            option.Description = "显示帮助和用法";
        }
    }

    /// <summary>Standard output with the headings of the help that stay English put in Chinese, line by line.</summary>
    public sealed class Output(TextWriter inner) : TextWriter
    {
        private readonly StringBuilder line = new();

        public override Encoding Encoding => inner.Encoding;

        public override void Write(char value)
        {
            if (value == '\n')
            {
                inner.WriteLine(Translate(line.ToString().TrimEnd('\r')));
                line.Clear();
            }
            else
            {
                line.Append(value);
            }
        }

        public override void Flush()
        {
            if (line.Length > 0)
            {
                inner.Write(Translate(line.ToString()));
                line.Clear();
            }

            inner.Flush();
        }

        protected override void Dispose(bool disposing)
        {
            Flush();
            base.Dispose(disposing);
        }

        private static string Translate(string text) => text
            .Replace("Description:", "说明：", StringComparison.Ordinal)
            .Replace("[command]", "[命令]", StringComparison.Ordinal)
            .Replace("[options]", "[选项]", StringComparison.Ordinal)
            .Replace("Arguments:", "参数：", StringComparison.Ordinal)
            .Replace("[default: ", "[默认：", StringComparison.Ordinal);
    }
}
