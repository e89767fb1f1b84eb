using Yusuan.Core.Disclosures;
using Yusuan.Formats.Json;

namespace Yusuan.Formats.Tests.Json;

public class DisclosureJsonTests
{
    [Fact]
    public void Disclosure_round_trips_with_figures_printed_as_values()
    {
        var disclosure = new Disclosure
        {
            Department = new DisclosureEntity("139001", "深圳市生态环境智能管控中心"),
            FiscalYear = 2023,
            Rounding = "controlled",
            Tables =
            [
                new DisclosureTable
                {
                    Id = "T09",
                    Title = "一般公共预算“三公”经费支出表",
                    Decimals = 2,
                    Columns = [new TableColumn("total", "总计")],
                    Rows = [new TableRow { Key = "current", Name = "2023 年", Values = [8.00m] }, new TableRow { Key = "prior", Name = "2022 年", Values = [8.47m] }],
                },
            ],
        };
        var json = YusuanJson.Serialize(disclosure);
        Assert.Contains("\"schema\": \"yusuan.disclosure/1\"", json, StringComparison.Ordinal);
        Assert.Contains("深圳市生态环境智能管控中心", json, StringComparison.Ordinal);
        using (var document = System.Text.Json.JsonDocument.Parse(json))
        {
            var rows = document.RootElement.GetProperty("tables")[0].GetProperty("rows");
            Assert.Equal("8", rows[0].GetProperty("values")[0].GetRawText());
            Assert.Equal("8.47", rows[1].GetProperty("values")[0].GetRawText());
        }

        var back = YusuanJson.DeserializeDisclosure(json)!;
        Assert.Equal(8m, back.Tables[0].Rows[0].Values[0]);
        Assert.Equal(8.47m, back.Tables[0].Rows[1].Values[0]);
        Assert.Equal("T09", back.Tables[0].Id);
    }
}
