using Yusuan.Core.Disclosures;

namespace Yusuan.Core.Tests.Compile;

/// <summary>
/// Every additive identity of the twelve printed tables, as a list of violations (empty when the tables add up).
/// Used to prove controlled rounding keeps every total equal to the sum of its printed parts.
/// </summary>
internal static class Additivity
{
    public static List<string> Violations(Disclosure disclosure)
    {
        var problems = new List<string>();
        foreach (var table in disclosure.Tables)
        {
            switch (table.Id)
            {
                case "T01":
                case "T06":
                    TwoSided(table, problems);
                    break;
                case "T02":
                case "T05":
                    Columns(table, "total", table.Columns.Skip(1).Select(c => c.Key).ToArray(), problems);
                    Tree(table, problems);
                    break;
                case "T03":
                case "T07":
                case "T08":
                case "T10":
                case "T11":
                    Columns(table, "total", ["basic", "project"], problems);
                    Tree(table, problems);
                    break;
                case "T04":
                    Columns(table, "total", ["personnel", "operating"], problems);
                    Tree(table, problems);
                    break;
                case "T09":
                    Columns(table, "total", ["abroad", "reception", "vehicle"], problems);
                    Columns(table, "vehicle", ["vehicle_purchase", "vehicle_operation"], problems);
                    for (var c = 0; c < table.Columns.Count; c++)
                    {
                        Expect(table, "change", c, Get(table, "current", c) - Get(table, "prior", c), problems);
                    }

                    break;
                case "T12":
                    Columns(table, "total", ["fiscal", "other"], problems);
                    if (table.Rows.Any(r => r.Key == "total"))
                    {
                        for (var c = 0; c < 3; c++)
                        {
                            Expect(table, "total", c, table.Rows.Where(r => r.Key != "total").Sum(r => r.Values[c]), problems);
                        }
                    }

                    break;
            }
        }

        return problems;
    }

    private static decimal Get(DisclosureTable table, string key, int column) => table.Rows.Single(r => r.Key == key).Values[column];

    private static void Expect(DisclosureTable table, string key, int column, decimal expected, List<string> problems)
    {
        var actual = Get(table, key, column);
        if (actual != expected)
        {
            problems.Add($"{table.Id} {key} [{table.Columns[column].Key}]: printed {actual}, parts sum to {expected}");
        }
    }

    private static void Columns(DisclosureTable table, string total, string[] parts, List<string> problems)
    {
        var t = table.ColumnIndex(total);
        var p = parts.Select(table.ColumnIndex).ToArray();
        foreach (var row in table.Rows)
        {
            var sum = p.Sum(i => row.Values[i]);
            if (row.Values[t] != sum)
            {
                problems.Add($"{table.Id} {row.Code ?? row.Key ?? row.Name}: {total} {row.Values[t]} ≠ {string.Join("+", parts)} = {sum}");
            }
        }
    }

    private static void TwoSided(DisclosureTable table, List<string> problems)
    {
        decimal V(string key) => table.Rows.Single(r => r.Key == key).Values[0];
        void Same(string what, decimal a, decimal b)
        {
            if (a != b)
            {
                problems.Add($"{table.Id} {what}: {a} ≠ {b}");
            }
        }

        Same("收入总计 = 本年收入合计 + 上年结转", V("income.total"), V("income.current") + V("income.carryover"));
        Same("政府预算拨款 = 一般 + 基金 + 国资", V("income.government"), V("income.general") + V("income.fund") + V("income.capital"));
        if (table.Id == "T01")
        {
            Same("单位资金 = 各项之和", V("income.unit"), V("income.institution") + V("income.business") + V("income.superior") + V("income.subordinate") + V("income.other"));
            Same("本年收入合计", V("income.current"), V("income.government") + V("income.special") + V("income.unit"));
        }
        else
        {
            Same("本年收入合计", V("income.current"), V("income.government"));
        }

        Same("支出总计 = 本年支出合计 + 结转下年", V("expenditure.total"), V("expenditure.current") + V("expenditure.carryforward"));
        Same("收入总计 = 支出总计", V("income.total"), V("expenditure.total"));
        var expenditure = table.Rows.Where(r => r.Section == "expenditure" && r.Code is not null).ToList();
        Same("本年支出合计 = 各类之和", V("expenditure.current"), expenditure.Where(r => r.Level == 1).Sum(r => r.Values[0]));
        CodeChildren(table, expenditure, problems);
    }

    /// <summary>Department = Σ agencies (or Σ 类 when single); agency = Σ its 类; 类 = Σ 款; 款 = Σ 项; supervisor = department.</summary>
    private static void Tree(DisclosureTable table, List<string> problems)
    {
        var department = table.Rows.FirstOrDefault(r => r.Key == "department");
        if (department is null)
        {
            return;
        }

        var supervisor = table.Rows.FirstOrDefault(r => r.Key == "supervisor");
        if (supervisor is not null && !supervisor.Values.SequenceEqual(department.Values))
        {
            problems.Add($"{table.Id} supervisor ≠ department");
        }

        var blocks = new List<(TableRow Head, List<TableRow> Rows)>();
        var agencies = table.Rows.Where(r => r.Key?.StartsWith("agency:", StringComparison.Ordinal) == true).ToList();
        if (agencies.Count == 0)
        {
            blocks.Add((department, table.Rows.Where(r => r.Code is not null).ToList()));
        }
        else
        {
            SumEquals(table, department, agencies, problems);
            var current = (TableRow?)null;
            var rows = new List<TableRow>();
            foreach (var row in table.Rows.SkipWhile(r => r.Key is "supervisor" or "department"))
            {
                if (row.Key?.StartsWith("agency:", StringComparison.Ordinal) == true)
                {
                    if (current is not null)
                    {
                        blocks.Add((current, rows));
                    }

                    current = row;
                    rows = [];
                }
                else
                {
                    rows.Add(row);
                }
            }

            if (current is not null)
            {
                blocks.Add((current, rows));
            }
        }

        foreach (var (head, rows) in blocks)
        {
            var top = rows.Where(r => table.Id == "T05" || r.Level == 1).ToList();
            SumEquals(table, head, top, problems);
            if (table.Id != "T05")
            {
                CodeChildren(table, rows, problems);
            }
        }
    }

    private static void CodeChildren(DisclosureTable table, List<TableRow> rows, List<string> problems)
    {
        foreach (var parent in rows.Where(r => r.Code is not null))
        {
            var children = rows.Where(r => r.Code is not null && r.Level == parent.Level + 1 && r.Code.StartsWith(parent.Code!, StringComparison.Ordinal)).ToList();
            if (children.Count > 0)
            {
                SumEquals(table, parent, children, problems);
            }
        }
    }

    private static void SumEquals(DisclosureTable table, TableRow total, List<TableRow> parts, List<string> problems)
    {
        for (var c = 0; c < total.Values.Count; c++)
        {
            var sum = parts.Sum(p => p.Values[c]);
            if (total.Values[c] != sum)
            {
                problems.Add($"{table.Id} {total.Code ?? total.Key} [{table.Columns[c].Key}]: {total.Values[c]} ≠ Σ parts {sum}");
            }
        }
    }
}
