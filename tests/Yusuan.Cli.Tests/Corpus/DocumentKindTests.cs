using Yusuan.Core.Catalogue;
using Yusuan.Core.Findings;
using Yusuan.Formats.Audit;

namespace Yusuan.Cli.Tests.Corpus;

/// <summary>What a published document is, read from the document itself: its kind on the cover, and whether it is one
/// attachment of a budget published in two.</summary>
public class DocumentKindTests
{
    private static AuditResult Audit(string document) => Auditor.Audit(Corpus.Budget(document), ClassificationCatalogue.BuiltIn());

    [Fact]
    public void A_beijing_explanation_whose_tables_are_another_attachment_is_judged_as_the_explanation()
    {
        // 北京市信访办公室 2026: the 目录 lists 第二部分 部门预算报表 (收支总表 …), and the text ends "附件：北京市信访办公室部门 2026
        // 年度部门预算报表": the tables are published apart. Not one table or listed table is missing from this file.
        var audit = Audit("c002-0e0df07d");
        Assert.Equal("说明", audit.Disclosure!.Attachment);
        Assert.DoesNotContain(audit.Findings, f => f.Severity == Severity.Error && (f.Rule.EndsWith(".present", StringComparison.Ordinal) && f.Rule.StartsWith('T') || f.Rule == "contents.tables.present"));
        Assert.Single(audit.Findings, f => f.Rule == "document.attachment");

        // 北京市规划和自然资源委员会: the attachment's name wraps ("…2026 年度部门预" / "算报表").
        Assert.Equal("说明", Audit("c002-8160c628").Disclosure!.Attachment);

        // 北京市人民政府办公厅's file holds both parts: it is the whole budget.
        Assert.Null(Audit("c002-fcf1d639").Disclosure!.Attachment);
    }

    [Fact]
    public void The_kind_is_read_from_a_cover_whose_title_wraps()
    {
        // "上海市普陀区规划和自然" / "资源局" / "2024 年度部门决算"; "福州市公安局治安管理" / "支队" / "单位预算".
        var final = Audit("pt-ghzy-2024-final");
        Assert.Equal("部门决算", final.Disclosure!.Kind);
        Assert.DoesNotContain(final.Findings, f => f.Rule.StartsWith('T') && f.Rule.EndsWith(".present", StringComparison.Ordinal));
        Assert.Equal("单位预算", Audit("c017-e1ceb355").Disclosure!.Kind);
    }

    [Theory]
    [InlineData("pt-ghzy-2024-final", "部门决算", "上海市普陀区规划和自然资源局", 2024)] // the title wraps over three lines
    [InlineData("pt-sfj-unit-2026", "单位预算", "上海市普陀区司法局", 2026)] // "上海市普陀区2026年区级单位预算" / "预算单位：…"
    [InlineData("pt-wanli-2025", "部门预算", "上海市普陀区人民政府万里街道办事处", 2025)] // "预算主管部门：…"
    [InlineData("c005-1a560492", "部门预算", "广州市政务服务和数据管理局", 2026)] // "2026年" / "广州市…局部门预算"
    [InlineData("c006-814bd146", "部门预算", "苏州市自然资源和规划局", 2026)] // "2026 年度" / "苏州市…局" / "部门预算公开"
    [InlineData("c002-94af24d1", "部门预算", "北京市教育委员会", 2026)] // "北京市教育委员会部门" / "2026 年度部门预算信息公开"
    [InlineData("c008-e488d331", "部门预算", "杭州市交通运输局", 2026)] // "杭州市交通运输局" / "2026年度部门预算"
    [InlineData("c020-243800f1", "部门决算", "西安市卫生健康委员会（汇总）", 2022)] // its tables name later years
    [InlineData("c020-891d54ad", "部门预算", "西安市安全生产监督管理局", 2019)] // "附件2" / "2019年部门综合预算公开报表" / "部门名称：…"
    public void Kind_department_and_year_are_read_from_the_cover_never_from_the_file_name(string document, string kind, string department, int year)
    {
        var disclosure = Audit(document).Disclosure!;
        Assert.Equal((kind, department, year), (disclosure.Kind, disclosure.Department.Name, disclosure.FiscalYear));
    }

    [Fact]
    public void A_beijing_tables_attachment_is_judged_as_the_tables_and_must_print_them()
    {
        // 北京市司法局's 报表: its first page is 预算01表 收支总表; no cover, 目录 or text.
        var audit = Audit("bj-justice-2026-tables");
        Assert.Equal(("报表", "beijing"), (audit.Disclosure!.Attachment, audit.Disclosure.Template));
        Assert.Single(audit.Findings, f => f.Rule == "document.attachment");
        Assert.DoesNotContain(audit.Findings, f => f.Rule.StartsWith("text.", StringComparison.Ordinal) && f.Severity != Severity.Info);

        // Its tables are still required of it: without the 收支总表 it misses one.
        var withoutIncome = global::Yusuan.Core.Rules.RuleEngine.Run(new global::Yusuan.Core.Rules.RuleContext(audit.Disclosure with { Tables = [.. audit.Disclosure.Tables.Where(t => t.Id != "T01")] }, ClassificationCatalogue.BuiltIn()) { Template = TemplateLibrary.Find("beijing")! });
        Assert.Contains(withoutIncome, f => f.Rule == "T01.present");
    }

    [Fact]
    public void The_region_named_on_the_command_line_overrides_the_template_the_document_shows()
    {
        var report = Path.Combine(Path.GetTempPath(), "yusuan-region-" + Guid.NewGuid().ToString("N"));
        var detected = Yusuan.Run("audit", Corpus.Budget("pt-wanli-2025"), "--out", report);
        Assert.Contains("按上海市部门（单位）预算（九张表，元）核对", detected.Out, StringComparison.Ordinal);
        Assert.Contains(",上海市部门（单位）预算（九张表，元）,上海市普陀区人民政府万里街道办事处,2025,", File.ReadAllText(Path.Combine(report, "summary.csv")), StringComparison.Ordinal);

        // Judged against 深圳's template instead, the same document lacks 深圳's 基本支出总表 and 项目支出总表 and its nine parts.
        var overridden = Yusuan.Run("audit", Corpus.Budget("pt-wanli-2025"), "--region", "shenzhen");
        Assert.Contains("按深圳市部门预算（九个部分、十一或十二张表）核对", overridden.Out, StringComparison.Ordinal);
        Assert.Contains("T04.present", overridden.Out, StringComparison.Ordinal);
        Assert.Contains("text.parts.present", overridden.Out, StringComparison.Ordinal);

        // A region's own template, a file beside its region file, is named by its title and judged by its tables.
        var folder = Directory.CreateTempSubdirectory("yusuan-region-").FullName;
        File.WriteAllText(Path.Combine(folder, "mycity.template.yaml"), "schema: yusuan.template/1\nname: mycity\ntitle: 某市部门预算（四张表）\ntables: [T01, T02, T03, T04]\n");
        File.WriteAllText(Path.Combine(folder, "mycity.yaml"), "schema: yusuan.region/1\nname: 某市\ntemplate: mycity.template.yaml\n");
        var own = Yusuan.Run("audit", Corpus.Budget("pt-wanli-2025"), "--region", Path.Combine(folder, "mycity.yaml"));
        Assert.Contains("按某市部门预算（四张表）核对", own.Out, StringComparison.Ordinal);
        Assert.Contains("T04.present", own.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("T06.present", own.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Justified_prose_cut_into_boxes_is_read_as_text_to_its_last_part()
    {
        // 深圳市民政局 2026, pages 13–15: "共有车辆 2 辆，其中：机要通信用车 | 1 | 辆 | 、应急保障用车 …" and "19,336.15 | 万" at a
        // line's end are sentences in invisible boxes, not tables; its 第九部分 名词解释 follows them.
        var audit = Audit("c003-57bf9b3a");
        Assert.Contains(audit.Disclosure!.Narrative, s => s.Part == 9);
        Assert.DoesNotContain(audit.Findings, f => f.Rule == "text.parts.present");
    }

    [Fact]
    public void The_two_attachments_of_a_budget_are_audited_as_one_document_when_joined_with_a_plus()
    {
        // A 说明 (7 pages) and a 报表 given as "说明.pdf+报表.pdf": one document, text from the first, tables from the second with
        // their pages numbered on, judged as a whole budget (neither attachment's allowance applies). The corpus has no 说明
        // and 报表 of the same department, so this pairs 北京市信访办公室's 说明 with 北京市司法局's 报表 to show the mechanism.
        var explanation = Corpus.Budget("c002-0e0df07d");
        var tables = Corpus.Budget("bj-justice-2026-tables");
        var joined = Auditor.Audit(explanation + "+" + tables, ClassificationCatalogue.BuiltIn());
        Assert.Equal("c002-0e0df07d.pdf+bj-justice-2026-tables.pdf", joined.File);
        Assert.Null(joined.Disclosure!.Attachment);
        Assert.Equal("beijing", joined.Disclosure.Template);
        Assert.Equal(Audit("bj-justice-2026-tables").Disclosure!.Tables.Count, joined.Disclosure.Tables.Count);
        Assert.Equal(8, joined.Disclosure.Table("T01")!.Source!.Pages[0]);
        Assert.Contains(joined.Disclosure.Narrative, s => s.Part == 1);
        Assert.DoesNotContain(joined.Findings, f => f.Rule == "document.attachment");

        // Through the command line too, a part that is missing names the file given.
        var missing = Yusuan.Run("audit", explanation + "+" + tables + "x");
        Assert.Contains("c002-0e0df07d.pdf+bj-justice-2026-tables.pdfx：bj-justice-2026-tables.pdfx：文件不存在", missing.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_final_accounts_document_is_checked_by_the_sums_of_its_budget_twins()
    {
        // 上海市普陀区规划和自然资源局 2024 决算: 收入支出决算总表 … 一般公共预算财政拨款支出决算表 read as T01, T02, T03, T06, T07
        // (their 行次 and 栏次 set aside), every sum holding or within rounding, as its gold file's checks found.
        var audit = Audit("pt-ghzy-2024-final");
        var ids = audit.Disclosure!.Tables.Select(t => t.Id).ToList();
        Assert.Equal(["T01", "T02", "T03", "T06", "T07"], ids.Where(id => id.StartsWith('T')));
        Assert.DoesNotContain(audit.Findings, f => f.Severity == Severity.Error && f.Rule.StartsWith('T'));
        Assert.Contains(audit.Findings, f => f.Rule == "X.T01-T03.function" && f.Severity == Severity.Info); // 236.63 and 236.64

        // 年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余: a 年末 that does not fit is an error.
        var spoiled = audit.Disclosure with
        {
            Tables = [.. audit.Disclosure.Tables.Select(t => t.Id != "T01" ? t : t with { Rows = [.. t.Rows.Select(r => r.Name.Replace(" ", string.Empty, StringComparison.Ordinal) == "年末结转和结余" ? r with { Values = [r.Values[0] + 5] } : r)] })],
        };
        var findings = global::Yusuan.Core.Rules.RuleEngine.Run(new global::Yusuan.Core.Rules.RuleContext(spoiled, ClassificationCatalogue.BuiltIn()) { Template = TemplateLibrary.Standard });
        Assert.Contains(findings, f => f.Rule == "T01.expenditure.total" && f.Severity == Severity.Error);
    }

    [Fact]
    public void A_label_merged_down_beside_the_first_rows_of_figures_does_not_swallow_them_into_the_header()
    {
        // 西安市公安局 2026 表15: 执行率分值（10分） is merged down right of the first task (保障单位运转 | … | 229194.92 |
        // 229194.92): the header of 年度主要任务 ends above it, and the task is a row.
        var source = Auditor.Read(Corpus.Budget("c020-838aeef9"));
        var tasks = Assert.Single(source.Tables!, t => t.Part == "年度主要任务" && t.Pages.Contains(75));
        Assert.Equal(["任务名称", "主要内容"], tasks.ColumnPaths.Take(2));
        Assert.Equal(["保障单位运转", "229194.92", "229194.92"], new[] { tasks.Rows[0].Cells[0], tasks.Rows[0].Cells[2], tasks.Rows[0].Cells[3] });

        // The goals table takes its tasks from that list, where the lines miss one: 229,194.92 + 115,252.78 = 344,447.70.
        var audit = Audit("c020-838aeef9");
        Assert.Equal(["保障单位运转", "实施公安专项业务及专用项目等其他业务", "金额合计"], audit.Disclosure!.Table("T12")!.Rows.Select(r => r.Name));
        Assert.DoesNotContain(audit.Findings, f => f.Rule == "T12.sum.tasks" && f.Severity == Severity.Error);
    }

    [Fact]
    public void A_note_in_brackets_under_an_empty_table_is_its_statement()
    {
        // 烟台市文化和旅游局 2026 公开表8: "（注：2026年没有使用政府性基金预算拨款安排的支出。）" under an empty 政府性基金预算支出情况表.
        var audit = Audit("c025-3b7e7d35");
        Assert.StartsWith("2026年没有使用政府性基金预算拨款安排的支出", audit.Disclosure!.Table("T10")!.Note, StringComparison.Ordinal);
        Assert.DoesNotContain(audit.Findings, f => f.Rule == "tables.empty.statement" && f.Location.Table == "T10");
    }
}
