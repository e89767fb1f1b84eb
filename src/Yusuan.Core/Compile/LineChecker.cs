using Yusuan.Core.Catalogue;
using Yusuan.Core.Findings;
using Yusuan.Core.Model;

namespace Yusuan.Core.Compile;

/// <summary>Checks each line's codes against the catalogue and the profile as it streams past. Faults are findings, never exceptions.</summary>
internal sealed class LineChecker(ClassificationCatalogue catalogue, Profile profile)
{
    private readonly HashSet<string> agencies = profile.Agencies.Select(a => a.Code).ToHashSet(StringComparer.Ordinal);

    public void Check(BudgetLine line, List<Finding> findings)
    {
        var function = line.Function.Value;
        if (line.Function.Level != 3)
        {
            findings.Add(Error("catalogue.function.level", Messages.FunctionCodeLevel(function), line, "exp_func_code"));
        }
        else if (catalogue.Find(ClassificationKind.Function, function) is null)
        {
            findings.Add(Error("catalogue.function.unknown", Messages.UnknownFunctionCode(function), line, "exp_func_code"));
        }

        var economic = line.Economic.Value;
        if (line.Economic.Level != 2)
        {
            findings.Add(Error("catalogue.economic.level", Messages.EconomicCodeLevel(economic), line, "dep_bgt_eco_code"));
        }
        else if (catalogue.Find(ClassificationKind.DepartmentEconomic, economic) is null)
        {
            findings.Add(Error("catalogue.economic.unknown", Messages.UnknownEconomicCode(economic), line, "dep_bgt_eco_code"));
        }

        var economicClass = economic.AsSpan(0, Math.Min(3, economic.Length)); // a span, not a string per line
        if ((line.Kind == ExpenditureKind.Personnel && economicClass is "302" or "310") || (line.Kind == ExpenditureKind.Operating && economicClass is "301" or "303"))
        {
            findings.Add(new Finding(
                "catalogue.economic.kind", Severity.Warning, "classification", Messages.EconomicKindMismatch(economic, line.Kind.Title()), At(line, "exp_kind")));
        }

        if (line.GovernmentEconomic is { } gov)
        {
            if (catalogue.Find(ClassificationKind.GovernmentEconomic, gov.Value) is null)
            {
                findings.Add(Error("catalogue.government-economic.unknown", Messages.UnknownGovernmentEconomicCode(gov.Value), line, "gov_bgt_eco_code"));
            }
            else if (catalogue.CrosswalkAllows(economic, gov.Value) == false)
            {
                findings.Add(new Finding(
                    "catalogue.crosswalk.mismatch", Severity.Warning, "classification", Messages.CrosswalkMismatch(economic, gov.Value), At(line, "gov_bgt_eco_code")));
            }
        }

        if (!agencies.Contains(line.AgencyCode))
        {
            findings.Add(Error("ledger.agency.unknown", Messages.UnknownAgency(line.AgencyCode), line, "agency_code"));
        }
    }

    private static Finding Error(string rule, string message, BudgetLine line, string column) =>
        new(rule, Severity.Error, rule.StartsWith("ledger", StringComparison.Ordinal) ? "input" : "classification", message, At(line, column));

    private static Location At(BudgetLine line, string column) => new()
    {
        File = line.Source.File.Length > 0 ? line.Source.File : null,
        Row = line.Source.Row > 0 ? line.Source.Row : null,
        Column = column,
    };
}
