using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Yusuan.Core.Disclosures;
using Yusuan.Core.Narrative;

namespace Yusuan.Formats.Audit;

/// <summary>
/// Reads the text parts of a published document and the figures they state, each with its subject and — where a table prints
/// the same figure — a reference to it, so the text-against-table rules can check what others wrote exactly as they check
/// Yusuan's own text. Lines broken at page ends are joined back; sentences end at 。.
/// </summary>
internal sealed partial class NarrativeReader(IReadOnlyList<DisclosureTable> tables)
{
    // A figure: at least one digit, at most twenty digits and separators before the point and eight after — beyond any budget,
    // within what a decimal holds.
    private const string Num = @"(-?(?=[\d,]*\d)\d[\d,]{0,19}(?:\.\d{1,8})?)";

    [GeneratedRegex(@"^第([一二三四五六七八九十]+)部分\s*(.*)$")]
    private static partial Regex PartHeading();

    // The change on last year: 比2022年预算减少343万元，下降4.3% — with no rate after 上年无此项 — or 与2022年预算持平.
    [GeneratedRegex("(部门预算收入|部门预算支出|“三公”经费预算|\"三公\"经费预算|运行经费财政拨款预算)\\s*" + Num + @"\s*万元(?:[，,]\s*比\s*\d{4}\s*年(?:预算)?(增加|减少)\s*" + Num + @"\s*万元(?:[，,]\s*(增长|下降)\s*" + Num + @"%)?|[，,]\s*(与)\s*\d{4}\s*年(?:预算数?)?持平)?")]
    private static partial Regex Headline();

    [GeneratedRegex(@"预算\s*" + Num + @"\s*万元[，,]\s*包括人员支出\s*" + Num + @"\s*万元、公用支出\s*" + Num + @"\s*万元、对个人和家庭的补助支出\s*" + Num + @"\s*万元、项目支出\s*" + Num + @"\s*万元")]
    private static partial Regex Breakdown();

    [GeneratedRegex(@"^\s*\d+\s*[\.．、]\s*(\S+?)预算\s*" + Num + @"\s*万元")]
    private static partial Regex Category();

    [GeneratedRegex(@"(?:：|；)\s*([^；：，。]{2,40}?)\s*" + Num + @"\s*万元")]
    private static partial Regex Item();

    [GeneratedRegex(@"较\s*\d{4}\s*年(?:预算)?(增加|减少)\s*" + Num + @"\s*万元(?:[，,]\s*(增长|下降)\s*" + Num + @"%)?|(与)\s*\d{4}\s*年(?:预算数?)?持平")]
    private static partial Regex CategoryChange();

    [GeneratedRegex(@"共计\s*" + Num + @"\s*万元[，,]\s*其中货物采购\s*" + Num + @"\s*万元、工程采购\s*" + Num + @"\s*万元、服务采购\s*" + Num + @"\s*万元")]
    private static partial Regex Procurement();

    [GeneratedRegex(@"涉及预算资金\s*" + Num + @"\s*万元[，,]\s*设置并编报\s*(\d{1,9})\s*个项目绩效目标")]
    private static partial Regex Performance();

    [GeneratedRegex(@"共有车辆\s*(\d{1,9})\s*辆")]
    private static partial Regex Vehicles();

    [GeneratedRegex(@"([一二三四五六七八九十]+)是([^；。]*?)" + Num + @"\s*万元")]
    private static partial Regex Reason();

    // An item of the “三公” and its change: the seed's "公务用车购置费2023年预算数0万元，比2022年预算数增加0万元", Yusuan's
    // "公务用车购置费0万元，与2022年预算持平" and "公务接待费。2023年预算数0万元，比2022年预算减少0.47万元，下降100.0%".
    [GeneratedRegex(@"(因公出国（境）费用?|公务接待费|公务用车购置和运行维护费|公务用车购置费|公务用车运行维护费)[。，]?\s*(?:\d{4}\s*年预算数\s*)?" + Num + @"\s*万元(?:[，,]\s*(?:其中：)?(?:比\s*\d{4}\s*年(?:预算数?)?(增加|减少)\s*" + Num + @"\s*万元(?:[，,]\s*(增长|下降)\s*" + Num + @"%)?|与\s*\d{4}\s*年(?:预算数?)?(持平))?)?")]
    private static partial Regex OfficialItem();

    [GeneratedRegex(@"^\s*\d{1,2}\s*[\.．、]?\s*(因公出国（境）费用?|公务接待费|公务用车购置和运行维护费)\s*。\s*$")]
    private static partial Regex OfficialItemHeading();

    /// <summary>上海: "1、公共安全支出（204类）司法（06款）行政运行（01项）1434.89万元。"</summary>
    [GeneratedRegex(@"^\d{1,3}[、\.．](?:[^（(。]{2,30})[（(](?<class>\d{3})类[）)](?:[^（(。]{1,30})[（(](?<section>\d{2})款[）)](?:[^（(。]{1,40})[（(](?<item>\d{2})项[）)](?<amount>\d[\d,]{0,19}(?:\.\d{1,8})?)万元")]
    private static partial Regex ItemHeading();

    /// <summary>"2025年当年预算执行数为1690.69万元，2026年预算安排1434.89万元，比2025年预算执行数减少1.10%".</summary>
    [GeneratedRegex(@"\d{4}年度?[^，。；\d]{0,24}?为(?<a>\d[\d,]{0,19}(?:\.\d{1,8})?)万元[，,]\d{4}年度?[^，。；\d]{0,16}?(?:安排|为)(?<b>\d[\d,]{0,19}(?:\.\d{1,8})?)万元[，,]比[^，。；]{0,24}?(?<dir>增加|减少|增长|下降|上升)(?<r>\d[\d,]{0,19}(?:\.\d{1,8})?)%")]
    private static partial Regex StatedRate();

    /// <summary>
    /// The year's whole income or spending as any template's text states it, spaces aside: "上海科技大学附属学校收入预算10,806万元",
    /// "2026年度收入预算9626.78万元", "支出预算总额为…万元". What comes before it in the sentence says whose it is: a fund's
    /// (财政拨款收入预算, 政府性基金…) is not the whole.
    /// </summary>
    [GeneratedRegex(@"(?:^|[，。；：])(?<lead>[^，。；：]{0,30}?)(?<what>收入|支出)预算(?:总额|总计|合计)?(?:为|是)?(?<amount>\d[\d,]{0,19}(?:\.\d{1,8})?)万元")]
    private static partial Regex StatedTotal();

    /// <summary>
    /// What may stand before 收入预算 / 支出预算 where it is the whole budget: nothing, the year (2026年度), 本单位 or 部门, a
    /// numbering (（一）), or the department's name, which ends as a body's name does (…局, …中心, …办公室, …学校, …办事处).
    /// Anything else makes it a part: 财政拨款收入预算, 政府采购支出预算, 某某局（本级）收入预算.
    /// </summary>
    [GeneratedRegex(@"^(?:|[（(][一二三四五六七八九十]{1,3}[）)]|.*(?:\d{4}年度?|单位|部门|[局委院心室处所站校馆会队厅社台园团署司府]))$")]
    private static partial Regex WholeBudgetLead();

    /// <summary>"…9,628.22万元，比2025年预算增加793.14万元，增长8.98%": an amount, its change on last year and the rate of it.</summary>
    [GeneratedRegex(@"(?<a>\d[\d,]{0,19}(?:\.\d{1,8})?)万元[，,](?:比|较)(?:上年|\d{4}年度?)[^，。；\d%]{0,12}?(?<dir>增加|减少)(?<c>\d[\d,]{0,19}(?:\.\d{1,8})?)万元[，,](?<dir2>增长|下降)(?<r>\d[\d,]{0,19}(?:\.\d{1,8})?)%")]
    private static partial Regex ChangeStatement();

    /// <summary>Words before it that compare it or make it a part (比上年…, 其中…, 本级, 所属单位).</summary>
    [GeneratedRegex("比|较|其中|增加|减少|本级|所属|下属|二级")]
    private static partial Regex PartialBudgetLead();

    /// <summary>A 决算's "年初预算为10210.34万元，支出决算为9746.50万元，完成年初预算的95.45%".</summary>
    [GeneratedRegex(@"年初预算(?:数)?为(?<a>\d[\d,]{0,19}(?:\.\d{1,8})?)万元[，,](?:支出)?决算(?:数)?为(?<b>\d[\d,]{0,19}(?:\.\d{1,8})?)万元[，。,]完成(?:年初)?预算的(?<r>\d[\d,]{0,19}(?:\.\d{1,8})?)%")]
    private static partial Regex Completion();

    /// <summary>
    /// Text outside the parts kept without figures: a reason, a heading naming the department's tables, or a sentence on
    /// the "三公" 经费 (whose changes must be explained wherever a template puts them; a table's title is no sentence).
    /// </summary>
    [GeneratedRegex(@"原因|(?:部门|单位)(?:预算|决算)(?:公开)?报?表|(?:三公|公务接待|公务用车|因公出国)[^。]*[，；][^。]*。")]
    private static partial Regex Kept();

    public List<NarrativeSentence> Read(IReadOnlyList<SourceLine> lines, int from, int to)
    {
        var sentences = new List<NarrativeSentence>();
        var part = 0;
        var buffer = new StringBuilder();
        var origins = new List<(int Offset, SourceLine Line)>();
        void Flush()
        {
            if (buffer.Length > 0)
            {
                sentences.AddRange(Sentences(part, buffer.ToString(), origins).Where(s => s.Part > 0 || s.Figures.Count > 0 || Kept().IsMatch(s.Sentence)));
            }

            buffer.Clear();
            origins.Clear();
        }

        // Text outside the numbered parts — all of it where a template numbers none (上海, 杭州), and what follows the tables
        // (上海's 其他相关情况说明, a 决算's analysis) — is read as part 0: a run of lines of running text, a table row ending it.
        void Prose(SourceLine line)
        {
            if (IsProse(line))
            {
                origins.Add((buffer.Length, line));
                buffer.Append(line.Cells.First(c => c.Trim().Length > 0).Trim());
            }
            else if (!line.IsBlank && !PageNumber().IsMatch(line.Text))
            {
                Flush();
            }
        }

        var end = Math.Min(to, lines.Count);
        for (var i = from; i < to && i < lines.Count; i++)
        {
            var text = lines[i].Text.Trim();
            if (PartHeading().Match(text) is { Success: true } heading && Wording(heading.Groups[1].Value) is > 0 and var number)
            {
                Flush();
                part = number;
                continue;
            }

            if (text == "二、表格部分")
            {
                end = i;
                break;
            }

            if (part == 0)
            {
                Prose(lines[i]);
                continue;
            }

            if (text.Length == 0)
            {
                continue;
            }

            if (part == 7 && lines[i].Cells.Count(c => c.Length > 0) >= 2 && DocumentExtractor.IsNumber(lines[i].Cells.Where(c => c.Length > 0).ElementAt(1)))
            {
                var cells = lines[i].Cells.Where(c => c.Length > 0).ToList();
                sentences.Add(new NarrativeSentence(7, string.Join(" ", cells.Take(2)), [new NarrativeFigure(Subjects.CategoryPrefix + cells[0], Number(cells[1]), "万元")], new NarrativeSource(lines[i].Page, lines[i].Line)));
                continue;
            }

            origins.Add((buffer.Length, lines[i]));
            buffer.Append(string.Join(string.Empty, lines[i].Cells));
        }

        Flush();
        part = 0;
        for (var i = Math.Max(end, to); i < lines.Count; i++)
        {
            Prose(lines[i]);
        }

        Flush();
        return sentences;
    }

    /// <summary>A line of running text: one piece of text, not a page number (a table row has several cells).</summary>
    private static bool IsProse(SourceLine line) =>
        line.Cells.Count(c => c.Trim().Length > 0) == 1 && !PageNumber().IsMatch(line.Text);

    [GeneratedRegex(@"^\s*[-—－]?\s*\d{1,4}\s*[-—－]?\s*$")]
    private static partial Regex PageNumber();

    /// <summary>The number of a part's Chinese numeral (一 … 二十), or 0 for any other (第二十一部分, 第十十部分): not a part heading.</summary>
    private static int Wording(string chinese) => Enumerable.Range(1, 20).FirstOrDefault(n => Core.Narrative.Wording.ChineseCount(n) == chinese);

    private static decimal Number(string text) =>
        decimal.Parse(text.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    private IEnumerable<NarrativeSentence> Sentences(int part, string text, List<(int Offset, SourceLine Line)> origins)
    {
        var result = new List<NarrativeSentence>();
        var start = 0;
        var heading = string.Empty;
        // Sentences end at 。; a numbered category (1. 信息化类预算 …) also starts a new one after a colon.
        foreach (var piece in Regex.Split(text, @"(?<=。)|(?<=：)(?=\s*\d{1,3}\s*[\.．、]\s*\S{1,30}?预算\s*[\d,])"))
        {
            if (piece.Trim().Length == 0)
            {
                start += piece.Length;
                continue;
            }

            // A “三公” item's numbered name is a sentence of its own (1. 因公出国（境）费用。2023年预算数0万元，…): it heads the next.
            if (part == 5 && OfficialItemHeading().IsMatch(piece))
            {
                heading += piece.Trim();
                start += piece.Length;
                continue;
            }

            var sentence = heading + piece;
            heading = string.Empty;

            var origin = origins.LastOrDefault(o => o.Offset <= start).Line ?? origins.FirstOrDefault().Line;
            var figures = Figures(part, sentence);

            // A category's comparison with last year follows in the next sentence (较 2022 年预算减少 179 万元): keep it with the category.
            if (part == 3 && figures.Count > 0 && figures[0].Subject == Subjects.Change && result.Count > 0 && result[^1].Figures.Any(f => Subjects.IsCategory(f.Subject)))
            {
                var previous = result[^1];
                result[^1] = previous with { Sentence = previous.Sentence + sentence, Figures = [.. previous.Figures, .. figures] };
            }
            else if (result.Count > 0 && result[^1].Figures.Any(f => f.Subject == Subjects.ItemAmount) && !result[^1].Figures.Any(f => f.Subject == Subjects.ComparedWith)
                && !figures.Any(f => f.Subject == Subjects.ItemAmount) && result[^1].Sentence.Count(c => c == '。') < 3)
            {
                // An item's heading (行政运行（01项）1434.89万元。) and the sentences that describe it, up to the one comparing it.
                var previous = result[^1];
                result[^1] = previous with { Sentence = previous.Sentence + sentence.Trim(), Figures = [.. previous.Figures, .. figures] };
            }
            else
            {
                result.Add(new NarrativeSentence(part, sentence.Trim(), figures, origin is null ? null : new NarrativeSource(origin.Page, origin.Line)));
            }

            start += piece.Length;
        }

        if (heading.Length > 0)
        {
            // A name with nothing after it, kept as the text printed it.
            var origin = origins.LastOrDefault(o => o.Offset <= start).Line ?? origins.FirstOrDefault().Line;
            result.Add(new NarrativeSentence(part, heading, [], origin is null ? null : new NarrativeSource(origin.Page, origin.Line)));
        }

        return result;
    }

    private bool Has(string table) => tables.Any(t => t.Id == table);

    private List<NarrativeFigure> Figures(int part, string sentence) =>
        part > 0 ? [.. PartFigures(part, sentence), .. Statements(sentence)] : [.. Totals(sentence), .. Statements(sentence)];

    /// <summary>
    /// Outside the seed's numbered parts (whose own phrasing <see cref="PartFigures"/> reads): the year's whole income and
    /// spending, each the first stated in the sentence, checked against the 收支总表's totals; and each amount compared with
    /// last year's by a change and a rate.
    /// </summary>
    private static List<NarrativeFigure> Totals(string sentence)
    {
        var compact = sentence.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u3000", string.Empty, StringComparison.Ordinal);
        var figures = new List<NarrativeFigure>();
        foreach (Match m in StatedTotal().Matches(compact))
        {
            var income = m.Groups["what"].Value == "收入";
            var subject = income ? Subjects.Income : Subjects.Expenditure;
            var lead = m.Groups["lead"].Value;
            if (WholeBudgetLead().IsMatch(lead) && !PartialBudgetLead().IsMatch(lead) && figures.All(f => f.Subject != subject))
            {
                figures.Add(new NarrativeFigure(subject, Number(m.Groups["amount"].Value), "万元", income ? "T01.income.total" : "T01.expenditure.total"));
            }
        }

        // Each change on last year with its rate, after the amounts it follows (the rate is checked against the two).
        foreach (Match m in ChangeStatement().Matches(compact))
        {
            figures.Add(new NarrativeFigure(Subjects.ChangedAmount, Number(m.Groups["a"].Value), "万元"));
            figures.Add(new NarrativeFigure(Subjects.Change, (m.Groups["dir"].Value == "减少" ? -1 : 1) * Number(m.Groups["c"].Value), "万元"));
            figures.Add(new NarrativeFigure(Subjects.ChangePercent, (m.Groups["dir2"].Value == "下降" ? -1 : 1) * Number(m.Groups["r"].Value), "%"));
        }

        return figures;
    }

    /// <summary>
    /// The figures any template's text states in these phrasings, spaces aside: an item's heading with its 类/款/项 codes,
    /// a comparison of two amounts with its rate, a 决算's completion of its 年初预算.
    /// </summary>
    private static List<NarrativeFigure> Statements(string sentence)
    {
        var figures = new List<NarrativeFigure>();
        var compact = sentence.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u3000", string.Empty, StringComparison.Ordinal);
        if (ItemHeading().Match(compact) is { Success: true } item)
        {
            var code = item.Groups["class"].Value + item.Groups["section"].Value + item.Groups["item"].Value;
            figures.Add(new NarrativeFigure(Subjects.ItemAmount, Number(item.Groups["amount"].Value), "万元", "function:" + code));
        }

        if (StatedRate().Match(compact) is { Success: true } rate)
        {
            var sign = rate.Groups["dir"].Value is "减少" or "下降" ? -1 : 1;
            figures.Add(new NarrativeFigure(Subjects.Compared, Number(rate.Groups["a"].Value), "万元"));
            figures.Add(new NarrativeFigure(Subjects.ComparedWith, Number(rate.Groups["b"].Value), "万元"));
            figures.Add(new NarrativeFigure(Subjects.StatedRate, sign * Number(rate.Groups["r"].Value), "%"));
        }
        else if (Completion().Match(compact) is { Success: true } done)
        {
            figures.Add(new NarrativeFigure(Subjects.Compared, Number(done.Groups["a"].Value), "万元"));
            figures.Add(new NarrativeFigure(Subjects.ComparedWith, Number(done.Groups["b"].Value), "万元"));
            figures.Add(new NarrativeFigure(Subjects.StatedCompletion, Number(done.Groups["r"].Value), "%"));
        }

        return figures;
    }

    private List<NarrativeFigure> PartFigures(int part, string sentence)
    {
        var figures = new List<NarrativeFigure>();
        foreach (Match m in Headline().Matches(sentence))
        {
            var (subject, refers, changeRefers) = m.Groups[1].Value switch
            {
                "部门预算收入" => (Subjects.Income, "T01.income.total", (string?)null),
                "部门预算支出" => (Subjects.Expenditure, "T01.expenditure.total", null),
                "运行经费财政拨款预算" => (Subjects.OperatingExpense, (string?)null, null),
                _ => (Subjects.OfficialTotal, "T09.current.total", "T09.change.total"),
            };
            figures.Add(new NarrativeFigure(subject, Number(m.Groups[2].Value), "万元", refers));
            if (m.Groups[3].Success)
            {
                var sign = m.Groups[3].Value == "减少" ? -1 : 1;
                figures.Add(new NarrativeFigure(Subjects.Change, sign * Number(m.Groups[4].Value), "万元", changeRefers));
                if (m.Groups[5].Success)
                {
                    figures.Add(new NarrativeFigure(Subjects.ChangePercent, (m.Groups[5].Value == "下降" ? -1 : 1) * Number(m.Groups[6].Value), "%"));
                }
            }
            else if (m.Groups[7].Success)
            {
                // 持平: no change.
                figures.Add(new NarrativeFigure(Subjects.Change, 0m, "万元", changeRefers));
            }
        }

        if (part == 2 && sentence.Contains("原因", StringComparison.Ordinal))
        {
            foreach (Match m in Reason().Matches(sentence))
            {
                var sign = m.Groups[2].Value.Contains("减少", StringComparison.Ordinal) ? -1 : 1;
                figures.Add(new NarrativeFigure(Subjects.Reason, sign * Number(m.Groups[3].Value), "万元"));
            }
        }

        if (Breakdown().Match(sentence) is { Success: true } b)
        {
            var basic = Has("T04") ? "T04.{0}.total" : "T08.{0}.basic";
            figures.Add(new NarrativeFigure(Subjects.BudgetTotal, Number(b.Groups[1].Value), "万元", "T03.department.total"));
            figures.Add(new NarrativeFigure(Subjects.Personnel, Number(b.Groups[2].Value), "万元", string.Format(CultureInfo.InvariantCulture, basic, "301")));
            figures.Add(new NarrativeFigure(Subjects.Operating, Number(b.Groups[3].Value), "万元", string.Format(CultureInfo.InvariantCulture, basic, "302")));
            figures.Add(new NarrativeFigure(Subjects.Households, Number(b.Groups[4].Value), "万元", string.Format(CultureInfo.InvariantCulture, basic, "303")));
            figures.Add(new NarrativeFigure(Subjects.Project, Number(b.Groups[5].Value), "万元", "T03.department.project"));
        }

        if (part == 3 && Category().Match(sentence) is { Success: true } c)
        {
            figures.Add(new NarrativeFigure(Subjects.CategoryPrefix + c.Groups[1].Value, Number(c.Groups[2].Value), "万元"));
            var items = sentence.IndexOf("主要包括", StringComparison.Ordinal) is var at and >= 0 ? sentence[at..] : string.Empty;
            foreach (Match item in Item().Matches(items))
            {
                figures.Add(new NarrativeFigure(Subjects.ProjectPrefix + item.Groups[1].Value.Trim(), Number(item.Groups[2].Value), "万元"));
            }
        }

        if (part == 3 && CategoryChange().Match(sentence) is { Success: true } cc)
        {
            figures.Add(new NarrativeFigure(Subjects.Change, cc.Groups[5].Success ? 0m : (cc.Groups[1].Value == "减少" ? -1 : 1) * Number(cc.Groups[2].Value), "万元"));
            if (cc.Groups[3].Success)
            {
                figures.Add(new NarrativeFigure(Subjects.ChangePercent, (cc.Groups[3].Value == "下降" ? -1 : 1) * Number(cc.Groups[4].Value), "%"));
            }
        }

        if (Procurement().Match(sentence) is { Success: true } p)
        {
            figures.Add(new NarrativeFigure(Subjects.Procurement, Number(p.Groups[1].Value), "万元", "T03.department.procurement"));
            figures.Add(new NarrativeFigure(Subjects.Goods, Number(p.Groups[2].Value), "万元"));
            figures.Add(new NarrativeFigure(Subjects.Works, Number(p.Groups[3].Value), "万元"));
            figures.Add(new NarrativeFigure(Subjects.Services, Number(p.Groups[4].Value), "万元"));
        }

        if (Performance().Match(sentence) is { Success: true } g)
        {
            figures.Add(new NarrativeFigure(Subjects.PerformanceAmount, Number(g.Groups[1].Value), "万元", "T03.department.project"));
            figures.Add(new NarrativeFigure(Subjects.PerformanceGoals, Number(g.Groups[2].Value), "个"));
        }

        if (part == 5)
        {
            foreach (Match m in OfficialItem().Matches(sentence))
            {
                var (subject, column) = m.Groups[1].Value switch
                {
                    var s when s.StartsWith("因公出国", StringComparison.Ordinal) => (Subjects.OfficialAbroad, "abroad"),
                    "公务接待费" => (Subjects.OfficialReception, "reception"),
                    "公务用车购置和运行维护费" => (Subjects.OfficialVehicle, "vehicle"),
                    "公务用车购置费" => (Subjects.OfficialVehiclePurchase, "vehicle_purchase"),
                    _ => (Subjects.OfficialVehicleOperation, "vehicle_operation"),
                };
                figures.Add(new NarrativeFigure(subject, Number(m.Groups[2].Value), "万元", $"T09.current.{column}"));
                if (m.Groups[3].Success || m.Groups[7].Success)
                {
                    var change = m.Groups[7].Success ? 0m : (m.Groups[3].Value == "减少" ? -1 : 1) * Number(m.Groups[4].Value);
                    figures.Add(new NarrativeFigure(Subjects.Change, change, "万元", $"T09.change.{column}"));
                }

                if (m.Groups[5].Success)
                {
                    figures.Add(new NarrativeFigure(Subjects.ChangePercent, (m.Groups[5].Value == "下降" ? -1 : 1) * Number(m.Groups[6].Value), "%"));
                }
            }
        }

        if (Vehicles().Match(sentence) is { Success: true } v)
        {
            figures.Add(new NarrativeFigure(Subjects.Vehicles, Number(v.Groups[1].Value), "辆"));
        }

        return figures;
    }
}
