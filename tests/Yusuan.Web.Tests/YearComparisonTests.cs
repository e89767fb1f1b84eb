using Yusuan.Core.Catalogue;
using Yusuan.Core.Disclosures;
using Yusuan.Core.Rounding;
using Yusuan.Formats.Datasets;

namespace Yusuan.Web.Tests;

/// <summary>The public page's comparison with last year, from last year's published budget or from what the document states.</summary>
public class YearComparisonTests
{
    private static readonly Disclosure Sample = Compile();

    [Fact]
    public void Without_last_years_budget_only_what_the_document_states_is_compared()
    {
        var (source, rows) = YearComparison.Compare(Sample, null);

        Assert.Contains("第二部分", source);
        var income = rows.Single(r => r.Item == "收入总计");
        Assert.Equal((7999m, 7656m, -343m), (income.LastYear, income.ThisYear, income.Change));
        var official = rows.Single(r => r.Item == "“三公”经费");
        Assert.Equal((8.47m, 8m, -0.47m), (official.LastYear, official.ThisYear, official.Change));

        // The document says nothing of last year's basic spending or of each 类: no figure is made up for them.
        Assert.Null(rows.Single(r => r.Item == "基本支出").LastYear);
        Assert.Null(rows.Single(r => r.Item == "211 节能环保支出").Change);
    }

    [Fact]
    public void A_department_of_several_agencies_lists_each_class_once_with_the_departments_figure()
    {
        // The department's block first, then the same 类 again under an agency of it (as T03 prints several agencies).
        var t03 = Sample.Table("T03")!;
        var agency = t03.Rows.Where(r => r.Code is not null).Select(r => r with { Unit = null, Values = [.. r.Values.Select(v => v / 2)] });
        var several = Sample with { Tables = [.. Sample.Tables.Select(t => t.Id == "T03" ? t with { Rows = [.. t03.Rows, new TableRow { Unit = "某下属单位", Name = "某下属单位", Values = [.. t03.Rows[0].Values.Select(v => v / 2)] }, .. agency] } : t)] };

        var (_, rows) = YearComparison.Compare(several, null);
        var classes = rows.Where(r => char.IsAsciiDigit(r.Item[0])).ToList();
        Assert.Equal(classes.Count, classes.Select(r => r.Item).Distinct().Count());
        Assert.Equal(t03.Rows.First(r => r.Code == "211").Values[0], classes.Single(r => r.Item == "211 节能环保支出").ThisYear);
    }

    [Fact]
    public void Last_years_published_budget_gives_every_headline()
    {
        var t01 = Sample.Table("T01")!;
        var t03 = Sample.Table("T03")!;
        var previous = Sample with
        {
            FiscalYear = 2022,
            Tables = Sample.Tables.Select(t => t.Id switch
            {
                "T01" => t with { Rows = t01.Rows.Select(r => r.Key == "income.total" ? r with { Values = [8000m] } : r).ToList() },
                // Last year had no 卫生健康支出 but a 213 类 that is gone this year.
                "T03" => t with
                {
                    Rows = t03.Rows.Where(r => r.Code != "210")
                        .Append(new TableRow { Code = "213", Name = "农林水支出", Level = 1, Values = [50m, 0m, 50m, 0m, 0m, 0m] }).ToList(),
                },
                _ => t,
            }).ToList(),
        };

        var (source, rows) = YearComparison.Compare(Sample, previous, 1);

        Assert.Equal("上年数取自本站公开的 2022 年部门预算（第 1 版）", source);
        Assert.Equal(-344m, rows.Single(r => r.Item == "收入总计").Change);
        Assert.Equal((1802m, 0m), (rows.Single(r => r.Item == "基本支出").LastYear!.Value, rows.Single(r => r.Item == "基本支出").Change!.Value));
        Assert.Equal((0m, 43m), (rows.Single(r => r.Item == "210 卫生健康支出").LastYear!.Value, rows.Single(r => r.Item == "210 卫生健康支出").ThisYear));
        Assert.Equal((50m, 0m, -50m), (rows.Single(r => r.Item == "213 农林水支出").LastYear!.Value, rows.Single(r => r.Item == "213 农林水支出").ThisYear, rows.Single(r => r.Item == "213 农林水支出").Change!.Value));
    }

    [Fact]
    public async Task The_public_page_shows_the_comparison()
    {
        await using var app = await RunningApp.Start("sqlite");
        var page = await app.Client.GetStringAsync("/budgets/139001/2023");
        Assert.Contains("<h2>与上年比较</h2>", page);
        Assert.Contains("<th scope=\"row\">收入总计</th><td>7,999</td><td>7,656</td><td>-343</td>", page);
        Assert.Contains("<th scope=\"row\">基本支出</th><td>—</td><td>1,802</td><td>—</td>", page);
    }

    private static Disclosure Compile()
    {
        var (dataset, problems) = Dataset.Load(Path.Combine(Repository.Root, "samples", "sz-eeimc-2023"));
        Assert.Empty(problems);
        return dataset!.Compile(ClassificationCatalogue.BuiltIn(), RoundingMode.Controlled).Disclosure;
    }
}
