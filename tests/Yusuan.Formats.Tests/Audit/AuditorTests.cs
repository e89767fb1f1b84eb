using Yusuan.Core.Catalogue;
using Yusuan.Formats.Audit;

namespace Yusuan.Formats.Tests.Audit;

/// <summary>What any text gives the auditor is read or refused with a reason, never an internal error.</summary>
public class AuditorTests
{
    [Theory]
    [InlineData("深圳市某某局部门预算", 2024)] // a title with no year: the year most of the document names
    [InlineData("深圳市某某局部门预算", 0)] // nor any in the document
    [InlineData("2024年深圳市某某局部门预算", 0)]
    public void A_cover_whose_title_names_no_year_takes_the_documents_year(string title, int yearInText)
    {
        string[] text = [title, "第一部分 部门概况", yearInText > 0 ? $"{yearInText} 年预算数 12 万元。" : "预算数 12 万元。"];
        var document = new SourceDocument("budget.txt", [.. text.Select((t, i) => new SourceLine(1, i + 1, [t]))], null);
        var disclosure = new DocumentExtractor(ClassificationCatalogue.BuiltIn()).Extract(document);
        Assert.Equal(title.StartsWith("2024", StringComparison.Ordinal) ? 2024 : yearInText, disclosure.FiscalYear);
    }

    [Theory]
    [InlineData("第二十一部分 其他")] // beyond the parts a budget numbers
    [InlineData("第十十十部分 其他")] // no numeral at all
    public void A_part_heading_with_a_number_no_template_has_is_read_as_text(string heading)
    {
        using var folder = new TempFolder();
        var path = folder.Write("budget.txt", $"2023 年某局部门预算\n第一部分 部门概况\n一、部门职责\n{heading}\n主要原因是。\n");
        var audit = Auditor.Audit(path, ClassificationCatalogue.BuiltIn());
        Assert.DoesNotContain(audit.Findings, f => f.Rule.StartsWith("audit.document.", StringComparison.Ordinal));
        Assert.Contains(audit.Findings, f => f.Rule == "text.reason.missing");
    }

    [Fact]
    public void A_missing_attachment_is_named_whatever_its_format()
    {
        using var folder = new TempFolder();
        var explanation = folder.Write("说明.txt", "2023 年某局部门预算\n第一部分 部门概况\n");
        foreach (var missing in new[] { "报表.pdf", "报表.docx", "报表.txt" })
        {
            var audit = Auditor.Audit(explanation + "+" + Path.Combine(Path.GetDirectoryName(explanation)!, missing), ClassificationCatalogue.BuiltIn());
            var finding = Assert.Single(audit.Findings);
            Assert.Equal(("audit.document.unreadable", $"说明.txt+{missing}：{missing}：文件不存在"), (finding.Rule, finding.Message));
        }
    }

    [Fact]
    public void A_file_named_pdf_that_is_not_one_is_unreadable_in_chinese_not_in_the_pdf_librarys_words()
    {
        using var folder = new TempFolder();
        var fake = folder.Write("预算.pdf", "<html><body>这是一个网页</body></html>");
        var finding = Assert.Single(Auditor.Audit(fake, ClassificationCatalogue.BuiltIn()).Findings);
        Assert.Equal(("audit.document.unreadable", "预算.pdf：PDF 已损坏或不是 PDF：文件开头没有 PDF 标记（%PDF-），可能是改了扩展名的其他文件"), (finding.Rule, finding.Message));
    }

    [Theory]
    [InlineData("10,806.00", null)]
    [InlineData("10,000.00", "文字说明“部门预算收入”与 T01：列示 10,806，应为 10,000，相差 806")]
    public void The_whole_income_and_spending_stated_in_any_phrasing_are_checked_against_the_summary_table(string total, string? error)
    {
        // 上海's 预算编制说明: the whole is stated after the unit's name; a fund's or 政府采购's 预算 is not the whole.
        using var folder = new TempFolder();
        var path = folder.Write("budget.txt", string.Join("\n",
        [
            "上海市2026年市级单位预算",
            "2026年单位预算编制说明",
            "2026年，上海市某某中心收入预算10,806万元，其中：财政拨款收入9,378万元，比2025年预算增加2,642万元。",
            "支出预算10,806万元，其中：财政拨款支出预算9,378万元。",
            "2026年度政府采购支出预算总额10,095.43万元，其中：拟采购货物支出349.62万元。",
            "上海市某某中心（本级）收入预算8,000万元。",
            "财政拨款（补助）收入预算9,378万元。",
            "表1",
            "财务收支预算总表",
            "单位：万元",
            "项目\t预算数\t项目\t预算数",
            $"一、财政拨款收入\t{total}\t一、教育支出\t{total}",
            $"收入总计\t{total}\t支出总计\t{total}",
        ]));
        var audit = Auditor.Audit(path, ClassificationCatalogue.BuiltIn());
        var stated = audit.Disclosure!.Narrative.SelectMany(s => s.Figures).Where(f => f.Refers?.StartsWith("T01.", StringComparison.Ordinal) == true).ToList();
        Assert.Equal([("部门预算收入", 10_806m), ("部门预算支出", 10_806m)], stated.Select(f => (f.Subject, f.Value)));

        var errors = audit.Findings.Where(f => f.Rule is "text.income.total" or "text.expenditure.total" && f.Severity == Core.Findings.Severity.Error).ToList();
        if (error is null)
        {
            Assert.Empty(errors);
        }
        else
        {
            Assert.Equal(2, errors.Count);
            Assert.Equal(error, errors[0].Message);
        }
    }

    [Theory]
    [InlineData("下降5.1%", null)]
    [InlineData("下降5.0%", Core.Findings.Severity.Warning)] // 5.106% cut, not rounded: the last digit one unit off
    [InlineData("下降4.0%", Core.Findings.Severity.Error)]
    [InlineData("下降5.10%", Core.Findings.Severity.Warning)] // to two decimals 5.11% is due: cut again
    [InlineData("下降5.00%", Core.Findings.Severity.Error)] // the zeros are printed: 5.00 is not 5.11
    public void A_change_and_its_rate_in_any_phrasing_are_checked_at_the_precision_printed(string rate, Core.Findings.Severity? severity)
    {
        // 湖州: "收入预算6256.31万元，比上年执行数减少336.67万元，下降5.0%" — 336.67 ÷ 6592.98 = 5.106%.
        using var folder = new TempFolder();
        var path = folder.Write("budget.txt", $"2026年湖州市某某局部门预算\n湖州市某某局2026年收入预算6256.31万元，比上年执行数减少336.67万元，{rate}，主要是项目减少。\n");
        var audit = Auditor.Audit(path, ClassificationCatalogue.BuiltIn());
        var found = audit.Findings.Where(f => f.Rule == "text.change.percent").ToList();
        Assert.Equal(severity is null ? [] : [severity.Value], found.Select(f => f.Severity));
    }

    [Fact]
    public void A_goals_table_with_a_weight_column_gives_each_indicator_its_target_and_not_its_weight()
    {
        // 西安: 一级指标 | 二级指标 | 三级指标 | 指标值 | 分值权重（90分）; the unit in the indicator's name; a second form's head below.
        using var folder = new TempFolder();
        var path = folder.Write("budget.txt", string.Join("\n",
        [
            "2021年西安市某某局部门预算",
            "表12",
            "部门整体支出绩效目标表",
            "年度绩效指标",
            "\t\t\t\t分值权重",
            "一级指标\t二级指标\t三级指标\t指标值\t（90分）",
            "产出指标\t数量指标\t保障饲养警犬数量（只）\t≥75\t2",
            "\t成本指标\t培训费用标准（元/人/天）\t≤400\t1",
            "\t\t实施期资金总额：\t33598\t年度资金总额：\t33598",
            "\t\t其中：财政拨款\t33598\t其中：财政拨款\t33598",
        ]));
        var audit = Auditor.Audit(path, ClassificationCatalogue.BuiltIn());
        var indicators = audit.Disclosure!.Table("T12")!.Performance!.Indicators;
        Assert.Equal([("保障饲养警犬数量（只）", "≥75"), ("培训费用标准（元/人/天）", "≤400")], indicators.Select(i => (i.Name, i.Target)));
        Assert.DoesNotContain(audit.Findings, f => f.Rule == "performance.target.measurable");
    }

    [Theory]
    [InlineData("主要原因是落实过紧日子要求。", false)]
    [InlineData("“三公”经费主要用于公务用车运行维护。", true)]
    public void A_change_of_the_official_expenses_is_explained_in_the_sentence_after_it_in_any_template(string next, bool warned)
    {
        using var folder = new TempFolder();
        var path = folder.Write("budget.txt", string.Join("\n",
        [
            "2026年某某局部门预算",
            $"2026年“三公”经费预算8万元，比上年减少2万元。{next}",
            "表9",
            "一般公共预算“三公”经费支出表",
            "单位：万元",
            "年度\t合计\t因公出国（境）费\t公务接待费\t公务用车购置及运行维护费小计\t公务用车购置费\t公务用车运行维护费",
            "2026年\t8.00\t0.00\t0.00\t8.00\t0.00\t8.00",
            "2025年\t10.00\t0.00\t2.00\t8.00\t0.00\t8.00",
            "增减变化\t-2.00\t0.00\t-2.00\t0.00\t0.00\t0.00",
        ]));
        var audit = Auditor.Audit(path, ClassificationCatalogue.BuiltIn());
        Assert.Equal("standard", audit.Disclosure!.Template);
        var found = audit.Findings.Where(f => f.Rule == "text.official.explained").Select(f => f.Message).ToList();
        Assert.Equal(warned ? ["“三公”经费比上年减少 2 万元，文字说明未说明原因"] : [], found);
    }
}
