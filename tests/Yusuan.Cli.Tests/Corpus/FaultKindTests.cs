using System.Diagnostics;
using Yusuan.Core.Catalogue;
using Yusuan.Core.Disclosures;
using Yusuan.Formats.Audit;

namespace Yusuan.Cli.Tests.Corpus;

/// <summary>
/// One test per way a published table defeats a reader of text lines, each on pages cut at test time from a corpus document
/// (poppler's pdfseparate and pdfunite, or pdftocairo to crop; installed by test.sh) or on the corpus's own cases/. Figures
/// are the page's, read by eye: 元 tables are compared in 万元 (÷ 10,000).
/// </summary>
public sealed class FaultKindTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "yusuan-cut-" + Guid.NewGuid().ToString("N"));

    public FaultKindTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void A_blank_cell_stays_blank_and_the_figures_right_of_it_stay_in_their_columns()
    {
        // 重庆市气象局 收入总体情况表: 合计 14,770.62 | 12,672.73 | 579.89 | (blank) | (blank) | 388.00 | … | 1,130.00.
        var table = Single(Audit(Cut("c004-d344b1c3", 7)), "T02");
        var total = table.Rows.Single(r => r.Key == "total");
        Assert.Equal(14_770.62m, Value(table, total, "total"));
        Assert.Equal(579.89m, Value(table, total, "fund"));
        Assert.Equal((0m, string.Empty), (Value(table, total, "capital"), total.Printed![table.ColumnIndex("capital")]));
        Assert.Equal(388.00m, Value(table, total, "institution"));
        Assert.Equal(1_130.00m, Value(table, total, "other"));
    }

    [Fact]
    public void A_figure_printed_close_to_the_next_label_is_split_from_it()
    {
        // 广州市信访局 收支总体情况表: "一、预算拨款 3,944.08 一、一般公共服务支出 2,570.71", one space between figure and label.
        var table = Single(Audit(Cut("c005-6d531c47", 5)), "T01");
        Assert.Equal(3_944.08m, table.Rows.Single(r => r.Section == "income" && r.Name.EndsWith("预算拨款", StringComparison.Ordinal)).Values[0]);
        Assert.Equal(2_570.71m, table.Rows.Single(r => r.Section == "expenditure" && r.Name.EndsWith("一般公共服务支出", StringComparison.Ordinal)).Values[0]);
    }

    [Fact]
    public void A_name_wrapped_in_its_cell_stays_one_row_and_a_row_broken_by_the_page_is_joined()
    {
        // 杭州市交通运输局 收入预算总表, pages 24–25: 杭州市交通/运输发展保障/中心 over three lines of one cell, its figures on the
        // middle line, 4,390.27 under 事业收入; 杭州市综合交通运输研究|中心 broken by the page.
        var table = Single(Audit(Cut("c008-e488d331", 24, 25)), "T02");
        var row = table.Rows.Single(r => r.Name == "杭州市交通运输发展保障中心");
        Assert.Equal((18_286.81m, 2_854.33m, 11_000.00m, 4_390.27m), (Value(table, row, "total"), Value(table, row, "general"), Value(table, row, "fund"), Value(table, row, "institution")));
        Assert.Contains(table.Rows, r => r.Name == "杭州市综合交通运输研究中心" && r.Values[0] == 5_290.70m);
    }

    [Fact]
    public void A_figure_wider_than_its_cell_keeps_the_digits_that_overflow_to_the_left()
    {
        // 北京市司法局 部门整体支出绩效目标表: 上年 合计 107.000000 | 基本支出 57.000000 | 项目支出 50.000000; the 5 of 57.000000 lies
        // left of its cell's rule, next to 107.000000, in the text layer.
        var table = Assert.Single(Audit(Cut("bj-justice-2026-tables", 47)).Disclosure!.Tables, t => t.Part == "总体资金情况");
        var printed = table.Rows.First(r => r.Printed!.Contains("23,083.340436")).Printed!;
        Assert.Equal(["107.000000", "57.000000", "50.000000"], printed.Skip(4).Take(3));
    }

    [Fact]
    public void A_performance_form_is_read_block_by_block()
    {
        // 福州市公安局 p29 (with p28, whose text heads the part): 警务辅助人员经费项目绩效目标表, a form: 项目名称 | 主管部门 … 实施单位 | …, the amounts under 专项资金情况（万元）
        // (资金总额 44.47, 财政拨款 44.47, 其他资金 0.00), 年度目标, the indicators under 绩效目标指标 (一级 | 二级 | 三级 | 指标值; 产出指标
        // merged down three rows), 备注.
        var tables = Audit(Cut("c017-e1ceb355", 28, 29)).Disclosure!.Tables.Where(t => t.Title == "警务辅助人员经费项目绩效目标表").ToList();
        Assert.All(tables, t => Assert.StartsWith("X", t.Id, StringComparison.Ordinal));
        var fields = Assert.Single(tables, t => t.Part is null);
        Assert.Equal(
            [("项目名称", "警务辅助人员经费"), ("主管部门", "福州市公安局"), ("实施单位", "福州市公安局治安管理支队")],
            fields.Rows.Take(3).Select(r => (r.Name, r.Printed![0])));
        Assert.Contains(fields.Rows, r => r.Name == "备注");

        var amounts = Assert.Single(tables, t => t.Part == "专项资金情况");
        Assert.Equal([("资金总额", 44.47m), ("财政拨款", 44.47m), ("其他资金", 0m)], amounts.Rows.Select(r => (r.Name, r.Values[0])));
        Assert.Equal("万元", amounts.PrintedUnit);

        var indicators = Assert.Single(tables, t => t.Part == "绩效目标指标");
        Assert.Equal(["二级指标", "三级指标", "指标值"], indicators.Columns.Select(c => c.Title));
        Assert.Equal(["成本指标", "产出指标", string.Empty, string.Empty, "效益指标", "满意度指标"], indicators.Rows.Select(r => r.Name));
        Assert.Equal(["时效指标", "周工作时长", "≤40%"], indicators.Rows[3].Printed);
    }

    [Fact]
    public void A_forms_list_goes_on_over_pages_beside_its_merged_label()
    {
        // 北京市司法局 预算13表 部门整体支出绩效目标表, pp47–50: 总体资金情况（万元） one row of seven amounts, then the indicators
        // (活动 | 绩效指标 | 指标性质 | 指标值 | 度量单位) over four pages beside the label 整体绩效目标 merged down all of them and
        // printed on p48, in the middle of its cell; 50 indicators, the last 司法综合事务 | …群众来信来访来电及时得到响应 | ＝ | 100 | %.
        var tables = Audit(Cut("bj-justice-2026-tables", 47, 48, 49, 50)).Disclosure!.Tables;
        var money = Assert.Single(tables, t => t.Part == "总体资金情况");
        Assert.Equal("总体资金情况（万元）", Assert.Single(money.Rows).Name);
        Assert.Equal(23_083.340436m, money.Rows[0].Values[0]);
        var indicators = Assert.Single(tables, t => t.Columns.Any(c => c.Title == "指标性质"));
        Assert.Equal([1, 2, 3, 4], indicators.Source!.Pages);
        Assert.Equal(50, indicators.Rows.Count);
        Assert.Equal(("法制建设", "≤", "4500", "人次"), (indicators.Rows[0].Name, indicators.Rows[0].Printed![1], indicators.Rows[0].Printed![2], indicators.Rows[0].Printed![3]));
        Assert.Equal(("司法综合事务", "＝", "100", "%"), (indicators.Rows[^1].Name, indicators.Rows[^1].Printed![1], indicators.Rows[^1].Printed![2], indicators.Rows[^1].Printed![3]));
    }

    [Fact]
    public void One_list_printed_in_two_blocks_side_by_side_is_read_as_one_list()
    {
        // 普陀区规划和自然资源局 2024 决算, 一般公共预算财政拨款基本支出决算表: 经济分类科目编码 | 科目名称 | 决算数 twice across the page,
        // 人员经费 (301, 303) on the left ending in 人员经费合计 4,884.09, 公用经费 (302, 310) on the right ending in 公用经费合计 480.66.
        var table = Assert.Single(Audit(Cut("pt-ghzy-2024-final", 16)).Disclosure!.Tables, t => t.Title.Contains("基本支出决算表", StringComparison.Ordinal));
        Assert.Equal(["决算数"], table.Columns.Select(c => c.Title));
        var codes = table.Rows.Where(r => r.Code is { Length: 3 }).Select(r => r.Code).ToList();
        Assert.Equal(["301", "303", "302", "310"], codes);
        Assert.Equal(440.90m, table.Rows.Single(r => r.Code == "302").Values[0]);
        Assert.Equal(84.62m, table.Rows.Single(r => r.Code == "30201").Values[0]);
        Assert.Equal(4_884.09m, table.Rows.Single(r => r.Name.Contains("人员经费合计", StringComparison.Ordinal)).Values[0]);
        Assert.Equal(480.66m, table.Rows.Last().Values[0]);
    }

    [Fact]
    public void A_word_table_with_ragged_cells_keeps_each_printed_column_whole_and_each_row_with_its_figures()
    {
        // 江苏省高级人民法院 2019 (Word): 财政拨款基本支出预算表（经济科目）'s one 金额 column falls into two grid columns, the figure now
        // left (30101 基本工资 2,827.41), now right (301 工资福利支出 16,324.07); in 一般公共预算支出预算表（功能科目） the 类 row's figure
        // sits a line below its name (204 公共安全支出 … 27,488.23).
        var audit = Audit(Cut("js-court-2019", 11, 12));
        var economic = Assert.Single(audit.Disclosure!.Tables, t => t.Title.StartsWith("财政拨款基本支出预算表", StringComparison.Ordinal));
        Assert.Equal(["金额"], economic.Columns.Select(c => c.Title));
        Assert.Equal(16_324.07m, economic.Rows.Single(r => r.Code == "301").Values[0]);
        Assert.Equal(2_827.41m, economic.Rows.Single(r => r.Code == "30101").Values[0]);
        var function = Assert.Single(audit.Disclosure.Tables, t => t.Title.StartsWith("一般公共预算支出预算表", StringComparison.Ordinal));
        Assert.Equal(27_488.23m, function.Rows.Single(r => r.Code == "204").Values[0]);
        Assert.DoesNotContain(function.Rows, r => r.Code is null && r.Name.Length == 0);
    }

    [Fact]
    public void A_white_shading_drawn_in_pieces_inside_a_cell_cuts_nothing()
    {
        // 江苏省高级人民法院 2019 pp8–9 (Word): each cell is shaded white in pieces around its paragraph, and those pieces' edges
        // are no rules. 收入预算总表: 项目名称 merged over two columns, the group beside its items, each item on one row with its
        // figure printed low in the cell (小计 | 37,188.34, 公共财政拨款（补助）资金 | 37,188.34). 收支预算总表: the wrapped names
        // (七、文化旅游体育与传媒支出) stay whole, and 当年支出小计, merged across both 支出 lists, is the 支出用途 list's row.
        var tables = Audit(Cut("js-court-2019", 8, 9)).Disclosure!.Tables;
        var income = Assert.Single(tables, t => t.Title == "收入预算总表");
        Assert.Equal(["小计", "公共财政拨款 （补助） 资金", "专项收入"], income.Rows.Skip(1).Take(3).Select(r => r.Name));
        Assert.Equal([37_188.34m, 37_188.34m, 0m], income.Rows.Skip(1).Take(3).Select(r => r.Values[0]));
        Assert.Equal("收入总计", income.Rows[0].Name);
        Assert.Equal(15, income.Rows.Count);
        var overview = Assert.Single(tables, t => t.Title == "收支预算总表");
        Assert.Contains(overview.Rows, r => r.Section == "expenditure" && r.Name == "七、 文化旅游体育与传媒支出");
        Assert.DoesNotContain(overview.Rows, r => r.Name is "出" or "支出");
        var subtotal = Assert.Single(overview.Rows, r => r.Name == "当年支出小计");
        Assert.Equal(("expenditure-2", 37_188.34m), (subtotal.Section, subtotal.Values[0]));
    }

    [Fact]
    public void A_word_table_goes_on_over_a_page_whose_doubled_rules_fall_elsewhere()
    {
        // 江苏省高级人民法院 2019 公开12表 政府采购支出预算表, pp16–17, no header on p17: Word draws each border twice, at 214 and
        // 220 on p16 but at 219 on p17, and p17 leaves the 采购品目大类 column blank. 61 rows, p17's first 会议费 110.05, the
        // last 其他服务 | 部门集中采购 | 360.00.
        var table = Assert.Single(Audit(Cut("js-court-2019", 16, 17)).Disclosure!.Tables, t => t.Title == "政府采购支出预算表");
        Assert.Equal([1, 2], table.Source!.Pages);
        Assert.Equal(61, table.Rows.Count);
        Assert.Equal(["", "会议费", "", "", "110.05"], table.Rows[42].Printed);
        Assert.Equal(["", "", "其他服务", "部门集中采购", "360.00"], table.Rows[^1].Printed);
    }

    [Fact]
    public void An_economic_table_printed_by_name_alone_takes_the_codes_the_document_prints_elsewhere()
    {
        // 深圳市国资委 2026: 表4 基本支出总表 (pp23–24) prints 支出项目类别 by name alone, indented by level; 表8 一般公共预算支出表
        // （按经济分类） (pp31–33) prints the same items with their codes. 工资福利支出 is 301, 基本工资 30101, the department's row
        // keeps no code; so the rule that 表8's 基本支出 is within 表4 compares code with code and finds nothing wrong.
        var audit = Audit(Cut("c003-525d3932", 23, 24, 31, 32, 33));
        var t04 = Single(audit, "T04");
        Assert.Null(t04.Rows[0].Code);
        Assert.Equal(("301", 1), (t04.Rows[1].Code, t04.Rows[1].Level));
        Assert.Equal(("30101", 2, 1_203.07m), (t04.Rows[2].Code, t04.Rows[2].Level, t04.Rows[2].Values[0]));
        Assert.All(t04.Rows.Skip(1), r => Assert.NotNull(r.Code));
        Assert.DoesNotContain(audit.Findings, f => f.Rule == "X.T08-T04.basic");
    }

    [Fact]
    public void A_table_at_the_top_of_a_page_is_titled_by_the_numbered_heading_at_the_foot_of_the_page_before()
    {
        // 西安市气象局 2022 pp9–10: p9 ends with "1、一般公共预算当年拨款规模变化情况" and its paragraph; p10 opens with the table,
        // nothing above it: 年度 | 总收入支出 | 专项业务费 | 基本支出, rows 2021, 2022, 变化 — the years name the rows, they are
        // no figures.
        var table = Assert.Single(Audit(Cut("c020-b807ca62", 9, 10)).Disclosure!.Tables, t => t.Source!.Pages.SequenceEqual([2]));
        Assert.Equal("1、一般公共预算当年拨款规模变化情况", table.Title);
        Assert.Equal(["总收入支出", "专项业务费", "基本支出"], table.Columns.Select(c => c.Title));
        Assert.Equal(["2021", "2022", "变化"], table.Rows.Select(r => r.Name));
        Assert.Equal([406.39m, 425.5m, -19.11m], table.Rows[2].Values);
    }

    [Fact]
    public void A_small_table_in_the_text_is_titled_by_its_section_and_keeps_its_numbers()
    {
        // 普陀区规划和自然资源局 2024 决算 p6 (with its title page), under "二、部门决算单位构成" and the sentence "纳入…决算编制范围的单位包括：": a list of
        // five units, 序号 | 单位名称 | 备注, 序号 1 to 5, 备注 blank; no figure of its own, so the numbers are its only column
        // of figures and stay one.
        var table = Assert.Single(Audit(Cut("pt-ghzy-2024-final", 1, 6)).Disclosure!.Tables, t => t.Source!.Pages.SequenceEqual([2]) && t.Rows.Count == 5);
        Assert.EndsWith("部门决算单位构成", table.Title, StringComparison.Ordinal);
        Assert.Equal(["序号", "备注"], table.Columns.Select(c => c.Title));
        Assert.Equal([1m, 2m, 3m, 4m, 5m], table.Rows.Select(r => r.Values[0]));
        Assert.StartsWith("上海市普陀区规划和自然资源局", table.Rows[0].Name, StringComparison.Ordinal);
    }

    [Fact]
    public void Running_text_cut_into_pieces_by_invisible_rectangles_is_not_a_table()
    {
        // 深圳市民政局 page 7, prose only: "较 2025 年年初预算增加 14,309.95 万元，增长 102.4%。" — its text runs sit in clipping
        // rectangles nobody sees, which once made grids of "2 | 025 | 年 | 年初预算增加 | 1 | 4,309.95 | 万 | 元，…".
        var tables = Audit(Cut("c003-57bf9b3a", 7)).Disclosure?.Tables ?? [];
        var cells = tables.SelectMany(t => t.Rows).SelectMany(r => r.Printed ?? []).ToList();
        Assert.DoesNotContain("025", cells);
        Assert.DoesNotContain("4,309.95", cells);

        // …nor "员经费 | 3 | ,738.92 | 万 | 元、 公用经费" or "22,701.77 | 万 | 元。": the unit cut from its figure and from itself.
        Assert.DoesNotContain(",738.92", cells);
        Assert.DoesNotContain(tables.SelectMany(t => t.Rows), r => r.Name == "万" || (r.Printed ?? []).Contains("万"));
    }

    [Fact]
    public void A_name_wider_than_its_cell_keeps_the_characters_that_run_over_its_rules()
    {
        // 西安市气象局 表10 专项业务经费支出表: "气象灾害、空气质量、气象影视、农业气象等业务运维" runs over both rules of its cell; the page
        // clips it, the text layer keeps it, and its 气 lies in the 单位编码 cell on its left. 单位编码 1 (全额) and 234001 are the
        // codes of the agency rows.
        var table = Assert.Single(Audit(Cut("c020-b807ca62", 27)).Disclosure!.Tables, t => t.Title.Contains("专项业务经费支出表", StringComparison.Ordinal));
        var row = table.Rows.Single(r => r.Values.Contains(654m));
        Assert.Equal("气象灾害、空气质量、气象影视、农业气象等业务运维", row.Name.Replace(" ", string.Empty, StringComparison.Ordinal));
        Assert.Null(row.Code);
        Assert.Equal(["agency:1", "agency:234001"], table.Rows.Where(r => r.Key?.StartsWith("agency:", StringComparison.Ordinal) == true).Select(r => r.Key));
    }

    [Fact]
    public void Codes_split_into_class_section_and_item_columns_are_joined()
    {
        // 普陀区司法局 支出预算总表 (元): 204 | 06 | 01 行政运行 14,348,853.34 | 14,348,853.34 | 64,840,547.00 — the row the corpus
        // README lists as a real fault (合计 ≠ 基本 + 项目), which the audit reports.
        var audit = Audit(Cut("pt-sfj-unit-2026", 11));
        var table = Single(audit, "T03");
        var row = table.Rows.Single(r => r.Code == "2040601");
        Assert.Equal(("行政运行", 1_434.885334m, 6_484.0547m), (row.Name, Value(table, row, "total"), Value(table, row, "project")));
        Assert.Contains(table.Rows, r => r.Code == "20406" && r.Name == "司法");
        Assert.Contains(audit.Findings, f => f.Rule == "T03.sum.columns" && f.Location.TableRow == "2040601");
    }

    [Fact]
    public void A_two_sided_table_with_a_blank_income_cell_reads_the_expenditure_beside_it()
    {
        var table = Single(Audit(Path.Combine(Corpus.Root, "cases", "caseD-suzhou-T01-blank-income-cell.pdf")), "T01");
        var row = table.Rows.Single(r => r.Values.Contains(442.09m));
        Assert.Equal("expenditure", row.Section);
        Assert.EndsWith("社会保障和就业支出", row.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_over_two_pages_without_its_header_repeated_is_one_table()
    {
        // 北京市司法局 预算01表 收支总表: 一 … 二十一 on page 1, 二十二 … 支出总计 on page 2, no header on page 2.
        var table = Single(Audit(Cut("bj-justice-2026-tables", 1, 2)), "T01");
        Assert.Equal([1, 2], table.Source!.Pages);
        Assert.Equal(25_908.655988m, table.Rows.Single(r => r.Section == "expenditure" && r.Name.EndsWith("公共安全支出", StringComparison.Ordinal)).Values[0]);
        Assert.Equal(197.249m, table.Rows.Single(r => r.Section == "expenditure" && r.Name.EndsWith("其他支出", StringComparison.Ordinal)).Values[0]);
        Assert.Equal(29_956.26546m, table.Rows.Single(r => r.Section == "expenditure" && r.Name == "支出总计").Values[0]);
    }

    [Fact]
    public void A_table_whose_title_is_not_printed_is_known_by_its_shape()
    {
        // The 收支总体情况表 of 广州市信访局 cropped below its title: 收入 | 支出 side by side is a 收支总表.
        var cropped = Path.Combine(folder, "untitled.pdf");
        Run("pdftocairo", "-pdf", "-f", "5", "-l", "5", "-x", "0", "-y", "140", "-W", "842", "-H", "455", Corpus.Budget("c005-6d531c47"), cropped);
        var table = Single(Audit(cropped), "T01");
        Assert.Equal(string.Empty, table.Title);
        Assert.Equal(3_944.08m, table.Rows.Single(r => r.Section == "income" && r.Name.EndsWith("预算拨款", StringComparison.Ordinal)).Values[0]);
    }

    [Fact]
    public void A_contents_list_without_part_headings_in_its_entries_or_page_numbers_ends_where_the_body_begins()
    {
        // 深圳市国资委: the 目录 lists nine parts and eleven tables with no page numbers; the body repeats 一、文字部分.
        var audit = Audit(Path.Combine(Corpus.Root, "cases", "caseB-shenzhen-toc-without-page-numbers.pdf"));
        var contents = audit.Disclosure!.Contents;
        Assert.Equal(Enumerable.Range(1, 9).Cast<int?>(), contents.Where(c => c.Part is not null).Select(c => c.Part));
        Assert.Equal(["T01", "T02", "T03", "T04", "T05", "T06", "T07", "T08", "T09", "T10", "T11"], contents.Where(c => c.Table is not null).Select(c => c.Table!));
        Assert.Contains(audit.Disclosure.Narrative, s => s.Part == 1);
        Assert.Equal([5], Single(audit, "T01").Source!.Pages);
        Assert.DoesNotContain(audit.Findings, f => f.Rule == "contents.tables.listed");
    }

    private static AuditResult Audit(string path)
    {
        var audit = Auditor.Audit(path, ClassificationCatalogue.BuiltIn());
        Assert.NotNull(audit.Disclosure);
        return audit;
    }

    private static DisclosureTable Single(AuditResult audit, string id) => Assert.Single(audit.Disclosure!.Tables, t => t.Id == id);

    private static decimal Value(DisclosureTable table, TableRow row, string key) => row.Values[table.ColumnIndex(key)];

    /// <summary>Pages of a corpus budget as a PDF of their own.</summary>
    private string Cut(string document, params int[] pages)
    {
        var parts = pages.Select(p =>
        {
            var part = Path.Combine(folder, $"{document}-{p}.pdf");
            Run("pdfseparate", "-f", $"{p}", "-l", $"{p}", Corpus.Budget(document), part);
            return part;
        }).ToList();
        if (parts.Count == 1)
        {
            return parts[0];
        }

        var joined = Path.Combine(folder, $"{document}-{string.Join('-', pages)}.pdf");
        Run("pdfunite", [.. parts, joined]);
        return joined;
    }

    private static void Run(string tool, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, args) { RedirectStandardError = true, UseShellExecute = false })!;
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), $"{tool} did not finish");
        Assert.True(process.ExitCode == 0, $"{tool} {string.Join(' ', args)}: {error.Result}");
    }
}
