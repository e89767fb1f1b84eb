using System.Globalization;
using System.Text;
using Yusuan.Core.Catalogue;
using Yusuan.Core.Model;

namespace Yusuan.Formats.Generation;

/// <summary>What to generate: how many agencies and lines, from which seed, for which year.</summary>
public sealed record GeneratorSettings(int Agencies, long Lines, int Seed, int FiscalYear = 2023);

/// <summary>What was generated: departments, agencies and lines, and the exact total of the amounts in 元.</summary>
public sealed record GeneratedDataset(int Departments, int Agencies, long Lines, decimal Total);

/// <summary>
/// Writes a budget dataset of a city's or a province's shape: <c>ledger.csv</c> with every line of every agency, and one profile
/// per department in <c>departments/</c>. Agencies are grouped into departments of one to eight; each department has a home
/// 类 of the 功能分类 and draws most of its codes from it, the rest from the codes every department uses (pensions, medical
/// insurance, housing fund); agencies differ in size (a few large, many small); lines are basic (人员经费, 公用经费) or project
/// lines, from several fund sources, some with 政府采购 and some "三公". Codes come from the built-in catalogue, so the data
/// compiles. The same settings always give the same bytes.
/// </summary>
public static class DatasetGenerator
{
    private static readonly string[] Districts = ["福田", "罗湖", "南山", "盐田", "宝安", "龙岗", "龙华", "坪山", "光明", "大鹏"];

    private static readonly string[] Categories = ["信息化类", "运行维护类", "专项业务类", "基本建设类", "政策补贴类"];

    private static readonly (FundSource Fund, int Weight)[] Funds =
    [
        (FundSource.GeneralPublicBudget, 850), (FundSource.GovernmentFund, 50), (FundSource.FiscalSpecialAccount, 40),
        (FundSource.InstitutionIncome, 30), (FundSource.PriorYearCarryover, 20), (FundSource.SuperiorSubsidy, 10),
    ];

    /// <summary>Codes every department uses for its staff, whatever its field.</summary>
    private static readonly string[] CommonFunctions = ["2080505", "2080506", "2101101", "2101102", "2210201"];

    public static GeneratedDataset Write(GeneratorSettings settings, string folder, ClassificationCatalogue catalogue)
    {
        if (settings.Agencies < 1 || settings.Lines < settings.Agencies)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), "at least one agency and one line per agency");
        }

        var random = new Random(settings.Seed);
        var functions = catalogue.Entries(ClassificationKind.Function).Where(e => e.Level == 3).Select(e => e.Code).Order(StringComparer.Ordinal).ToArray();
        var economics = catalogue.Entries(ClassificationKind.DepartmentEconomic).Where(e => e.Level == 2).Select(e => e.Code).Order(StringComparer.Ordinal).ToArray();
        var personnel = economics.Where(c => c.StartsWith("301", StringComparison.Ordinal)).ToArray();
        var operating = economics.Where(c => c.StartsWith("302", StringComparison.Ordinal)).ToArray();
        var project = economics.Where(c => c[..3] is "302" or "303" or "310").ToArray();
        var common = CommonFunctions.Where(c => catalogue.Find(ClassificationKind.Function, c) is not null).ToArray();
        var homes = functions.Select(c => c[..3]).Distinct().ToArray();
        var government = economics.ToDictionary(c => c, c => GovernmentCode(catalogue, c));

        var departments = Departments(settings, random, homes);
        var weights = departments.SelectMany(d => d.Agencies).Select(_ => Math.Pow(random.NextDouble() + 0.02, -1.2)).ToArray();
        var share = weights.Sum();
        Directory.CreateDirectory(Path.Combine(folder, "departments"));
        using var ledger = new StreamWriter(Path.Combine(folder, "ledger.csv"), false, new UTF8Encoding(false), 1 << 20);
        ledger.Write("agency_code,agency_name,fiscal_year,exp_func_code,dep_bgt_eco_code,gov_bgt_eco_code,exp_kind,pro_code,pro_name,pro_cat_name,fund_type_code,amount,gov_purchase_type,gov_purchase_amt,sme_amt,micro_amt,three_public_type,is_operating_expense\n");
        long written = 0;
        var agencyIndex = 0;
        var total = 0m;
        var line = new StringBuilder(256);
        foreach (var department in departments)
        {
            var own = functions.Where(c => c.StartsWith(department.Home, StringComparison.Ordinal)).ToArray();
            foreach (var agency in department.Agencies)
            {
                // Each agency gets its share of the lines (at least one); the last takes what is left, so the count is exact.
                var count = agencyIndex == weights.Length - 1 ? settings.Lines - written : Math.Max(1, (long)(settings.Lines * weights[agencyIndex] / share));
                count = Math.Min(count, settings.Lines - written - (weights.Length - 1 - agencyIndex));
                agencyIndex++;
                var projects = Enumerable.Range(1, 3 + random.Next(30)).Select(p => (
                    Code: $"{agency.Code}{settings.FiscalYear % 100:D2}{p:D3}",
                    Name: $"{department.Field}专项{p}",
                    Category: Categories[random.Next(Categories.Length)],
                    Function: random.Next(4) == 0 ? Pick(random, functions) : Pick(random, own))).ToArray();
                for (long n = 0; n < count; n++)
                {
                    var roll = random.Next(100);
                    var kind = roll < 55 ? ExpenditureKind.Project : roll < 85 ? ExpenditureKind.Personnel : ExpenditureKind.Operating;
                    var economic = Pick(random, kind switch { ExpenditureKind.Personnel => personnel, ExpenditureKind.Operating => operating, _ => project });
                    var function = kind == ExpenditureKind.Personnel && random.Next(3) == 0 ? Pick(random, common) : Pick(random, own);
                    var amount = Amount(random, kind);
                    total += amount;
                    department.Total += amount;
                    line.Clear().Append(agency.Code).Append(',').Append(agency.Name).Append(',').Append(settings.FiscalYear).Append(',');
                    if (kind == ExpenditureKind.Project)
                    {
                        var p = projects[random.Next(projects.Length)];
                        line.Append(p.Function).Append(',').Append(economic).Append(',').Append(government[economic]).Append(",项目支出,")
                            .Append(p.Code).Append(',').Append(p.Name).Append(',').Append(p.Category).Append(',');
                    }
                    else
                    {
                        line.Append(function).Append(',').Append(economic).Append(',').Append(government[economic]).Append(',').Append(kind.Title()).Append(",,,,");
                    }

                    line.Append(Fund(random).Title()).Append(',').Append(amount.ToString("0.00", CultureInfo.InvariantCulture)).Append(',');
                    if (kind == ExpenditureKind.Project && random.Next(5) == 0)
                    {
                        var purchase = decimal.Round(amount * (0.3m + (decimal)random.NextDouble() * 0.7m), 2);
                        var sme = decimal.Round(purchase * (decimal)random.NextDouble(), 2);
                        var micro = decimal.Round(sme * (decimal)random.NextDouble(), 2);
                        line.Append("货物工程服务".Substring(random.Next(3) * 2, 2)).Append(',').Append(purchase.ToString("0.00", CultureInfo.InvariantCulture)).Append(',')
                            .Append(sme.ToString("0.00", CultureInfo.InvariantCulture)).Append(',').Append(micro.ToString("0.00", CultureInfo.InvariantCulture)).Append(',');
                    }
                    else
                    {
                        line.Append(",,,,");
                    }

                    line.Append(OfficialExpense(economic)).Append(',').Append(kind == ExpenditureKind.Operating && department.Administrative ? "是" : "否").Append('\n');
                    ledger.Write(line);
                    written++;
                }
            }

            File.WriteAllText(Path.Combine(folder, "departments", department.Code + ".yaml"), Profile(department, settings.FiscalYear, random), new UTF8Encoding(false));
        }

        return new GeneratedDataset(departments.Count, settings.Agencies, written, total);
    }

    private sealed class Department(string code, string name, string field, string home, bool administrative, IReadOnlyList<(string Code, string Name)> agencies)
    {
        public string Code { get; } = code;

        public string Name { get; } = name;

        public string Field { get; } = field;

        public string Home { get; } = home;

        public bool Administrative { get; } = administrative;

        public IReadOnlyList<(string Code, string Name)> Agencies { get; } = agencies;

        public decimal Total { get; set; }
    }

    private static List<Department> Departments(GeneratorSettings settings, Random random, string[] homes)
    {
        var departments = new List<Department>();
        for (var made = 0; made < settings.Agencies;)
        {
            var size = Math.Min(settings.Agencies - made, 1 + random.Next(8));
            var number = departments.Count + 1;
            var code = number.ToString("D6", CultureInfo.InvariantCulture);
            var home = homes[random.Next(homes.Length)];
            var field = Field(home);
            var name = $"深圳市{Districts[number % Districts.Length]}区{field}局（{number}）";
            var agencies = Enumerable.Range(1, size).Select(k => (Code: code + k.ToString("D3", CultureInfo.InvariantCulture), Name: k == 1 ? name + "本级" : $"{name}下属第{k - 1}中心")).ToList();
            departments.Add(new Department(code, name, field, home, random.Next(3) > 0, agencies));
            made += size;
        }

        return departments;
    }

    private static string Field(string home) => home switch
    {
        "201" => "政务服务", "204" => "公共安全", "205" => "教育", "206" => "科技", "207" => "文化体育", "208" => "人力资源和社会保障",
        "210" => "卫生健康", "211" => "生态环境", "212" => "城市管理", "213" => "农业农村", "214" => "交通运输", "215" => "工业和信息化",
        "216" => "商务", "220" => "自然资源", "221" => "住房保障", "224" => "应急管理", _ => "综合事务",
    };

    private static string Pick(Random random, string[] codes)
    {
        // Skewed towards the first codes of the list, as real budgets use a few codes often and many rarely.
        var index = (int)(codes.Length * Math.Pow(random.NextDouble(), 2.2));
        return codes[Math.Min(index, codes.Length - 1)];
    }

    private static decimal Amount(Random random, ExpenditureKind kind)
    {
        var scale = kind == ExpenditureKind.Project ? 200_000d : 60_000d;
        var amount = scale * Math.Exp(random.NextDouble() * 3 - 1.5) * Math.Exp(random.NextDouble() * 2 - 1);
        return random.Next(4) == 0 ? decimal.Round((decimal)amount, 2) : decimal.Round((decimal)amount / 100, 0) * 100 + 100;
    }

    private static FundSource Fund(Random random)
    {
        var roll = random.Next(1000);
        foreach (var (fund, weight) in Funds)
        {
            if ((roll -= weight) < 0)
            {
                return fund;
            }
        }

        return FundSource.GeneralPublicBudget;
    }

    private static string OfficialExpense(string economic) => economic switch
    {
        "30212" => OfficialExpenseCategory.OverseasTravel.Title(),
        "30217" => OfficialExpenseCategory.Reception.Title(),
        "30231" => OfficialExpenseCategory.VehicleOperation.Title(),
        "31013" => OfficialExpenseCategory.VehiclePurchase.Title(),
        _ => string.Empty,
    };

    private static string GovernmentCode(ClassificationCatalogue catalogue, string economic) =>
        catalogue.Entries(ClassificationKind.GovernmentEconomic).Where(e => e.Level == 2).Select(e => e.Code).Order(StringComparer.Ordinal)
            .FirstOrDefault(g => catalogue.CrosswalkAllows(economic, g) == true) ?? string.Empty;

    private static string Profile(Department department, int year, Random random)
    {
        var prior = decimal.Round(department.Total * (0.85m + (decimal)random.NextDouble() * 0.3m), 0);
        var change = department.Total - prior;
        var basic = decimal.Round(change * 0.4m, 2);
        var yaml = new StringBuilder();
        yaml.Append("# Generated by yusuan generate: a department of realistic shape, not a real one.\n")
            .Append("schema: yusuan.profile/1\n")
            .Append("fiscalYear: ").Append(year).Append('\n')
            .Append("regionCode: \"440300\"\n")
            .Append("department:\n  code: \"").Append(department.Code).Append("\"\n  name: ").Append(department.Name).Append('\n')
            .Append("unitKind: ").Append(department.Administrative ? "行政单位" : "事业单位").Append('\n')
            .Append("supervisor:\n  code: \"").Append(department.Code).Append("\"\n  name: ").Append(department.Name).Append('\n')
            .Append("agencies:\n");
        foreach (var (code, name) in department.Agencies)
        {
            yaml.Append("  - code: \"").Append(code).Append("\"\n    name: ").Append(name).Append('\n');
        }

        var staff = 10 + random.Next(200);
        yaml.Append("staffing:\n  administrativeQuota: ").Append(department.Administrative ? staff : 0)
            .Append("\n  administrativeActual: ").Append(department.Administrative ? staff - random.Next(5) : 0)
            .Append("\n  institutionQuota: ").Append(department.Administrative ? 0 : staff)
            .Append("\n  institutionActual: ").Append(department.Administrative ? 0 : staff - random.Next(5))
            .Append("\n  retiredCadres: 0\n  retired: ").Append(random.Next(30)).Append('\n')
            .Append("internalDivisions: [综合处, 业务处, 财务处]\n")
            .Append("text:\n  duties: 负责").Append(department.Field).Append("领域的政策执行、行业管理和公共服务。\n")
            .Append("  goals:\n    - 做好").Append(department.Field).Append("重点工作；\n    - 加强预算绩效管理。\n")
            .Append("  changeReasons:\n")
            .Append("    - text: 基本支出变化\n      amount: ").Append(basic.ToString("0.##", CultureInfo.InvariantCulture)).Append('\n')
            .Append("    - text: 项目支出变化\n      amount: ").Append((change - basic).ToString("0.##", CultureInfo.InvariantCulture)).Append('\n')
            .Append("priorYear:\n  fiscalYear: ").Append(year - 1).Append("\n  income: ").Append(prior.ToString("0", CultureInfo.InvariantCulture))
            .Append("\n  expenditure: ").Append(prior.ToString("0", CultureInfo.InvariantCulture)).Append('\n');
        return yaml.ToString();
    }
}
