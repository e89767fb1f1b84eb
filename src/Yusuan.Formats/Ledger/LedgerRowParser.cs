using System.Globalization;
using Yusuan.Core;
using Yusuan.Core.Findings;
using Yusuan.Core.Model;

namespace Yusuan.Formats.Ledger;

/// <summary>Maps a ledger header to columns and turns each row into a budget line, or into problems naming row and column.</summary>
internal sealed class LedgerRowParser
{
    private readonly string file;
    // Each column's place in the file's rows by its ordinal (LedgerColumn.Ordinal); -1 where the file has no such column.
    private readonly int[] place;
    private readonly int width;

    private LedgerRowParser(string file, Dictionary<LedgerColumn, int> columns, int width)
    {
        this.file = file;
        place = new int[LedgerColumn.All.Count];
        foreach (var column in LedgerColumn.All)
        {
            place[column.Ordinal] = columns.GetValueOrDefault(column, -1);
        }

        this.width = width;
    }

    public static LedgerRowParser? FromHeader(string file, RawRow header, List<InputProblem> problems, List<Finding> warnings)
    {
        var columns = new Dictionary<LedgerColumn, int>(ReferenceEqualityComparer.Instance);
        var before = problems.Count;
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var title = header.Fields[i].Trim();
            if (title.Length == 0)
            {
                continue;
            }

            var column = LedgerColumn.All.FirstOrDefault(c => c.Matches(title));
            if (column is null)
            {
                warnings.Add(new Finding(
                    "ledger.column.ignored", Severity.Warning, "input", Messages.ColumnUnknown(title),
                    new Location { File = file, Row = header.Number, Column = title }));
                continue;
            }

            if (columns.TryGetValue(column, out var first))
            {
                problems.Add(new InputProblem(file, header.Number, title, Messages.ColumnDuplicated(title, first + 1)));
                continue;
            }

            columns.Add(column, i);
        }

        foreach (var required in LedgerColumn.All.Where(c => c.Required && !columns.ContainsKey(c)))
        {
            problems.Add(new InputProblem(file, header.Number, required.Element, Messages.ColumnMissing($"{required.Element}（{required.Titles[0]}）")));
        }

        return problems.Count > before ? null : new LedgerRowParser(file, columns, header.Fields.Count);
    }

    public BudgetLine? Parse(RawRow row, List<InputProblem> problems, int? fiscalYear)
    {
        var before = problems.Count;
        if (row.Fields.Count > width && row.Fields.Skip(width).Any(f => f.Trim().Length > 0))
        {
            problems.Add(new InputProblem(file, row.Number, null, Messages.RowWidth(width, row.Fields.Count)));
            return null;
        }

        string Text(LedgerColumn column) =>
            place[column.Ordinal] is var i and >= 0 && i < row.Fields.Count ? row.Fields[i].Trim() : string.Empty;

        T Read<T>(LedgerColumn column, Func<string, ParseResult<T>> parse, T fallback)
        {
            var text = Text(column);
            if (text.Length == 0 && column.Required)
            {
                problems.Add(new InputProblem(file, row.Number, Title(column), Messages.ValueMissing));
                return fallback;
            }

            var result = parse(text);
            if (!result.Success)
            {
                problems.Add(new InputProblem(file, row.Number, Title(column), result.Error!));
                return fallback;
            }

            return result.Value;
        }

        string Title(LedgerColumn column) => column.Element;

        var agency = Text(LedgerColumn.AgencyCode);
        if (agency.Length == 0)
        {
            problems.Add(new InputProblem(file, row.Number, LedgerColumn.AgencyCode.Element, Messages.ValueMissing));
        }

        var function = Read(LedgerColumn.FunctionCode, FunctionCode.Parse, default);
        var economic = Read(LedgerColumn.EconomicCode, EconomicCode.Parse, default);
        var govText = Text(LedgerColumn.GovernmentEconomicCode);
        GovernmentEconomicCode? gov = null;
        if (govText.Length > 0)
        {
            gov = Read(LedgerColumn.GovernmentEconomicCode, GovernmentEconomicCode.Parse, default);
        }

        var beforeKind = problems.Count;
        var kind = Read(LedgerColumn.Kind, Terms.ParseKind, ExpenditureKind.Project);
        var kindKnown = problems.Count == beforeKind;
        var fund = Read(LedgerColumn.Fund, Terms.ParseFund, FundSource.GeneralPublicBudget);
        var amount = Read(LedgerColumn.Amount, Terms.ParseAmount, 0m);
        var procurement = Read(LedgerColumn.ProcurementType, Terms.ParseProcurement, ProcurementType.None);
        var procurementAmount = OptionalAmount(LedgerColumn.ProcurementAmount);
        var sme = OptionalAmount(LedgerColumn.SmeAmount);
        var micro = OptionalAmount(LedgerColumn.MicroAmount);
        var official = Read(LedgerColumn.OfficialExpense, Terms.ParseOfficialExpense, OfficialExpenseCategory.None);
        var operating = Read(LedgerColumn.OperatingExpense, Terms.ParseFlag, false);
        var projectCode = Text(LedgerColumn.ProjectCode);
        var projectName = Text(LedgerColumn.ProjectName);

        decimal OptionalAmount(LedgerColumn column)
        {
            if (Text(column).Length == 0)
            {
                return 0m;
            }

            var value = Read(column, Terms.ParseAmount, 0m);
            if (value < 0)
            {
                problems.Add(new InputProblem(file, row.Number, column.Element, Messages.NegativeNotAllowed));
            }

            return value;
        }

        if (kindKnown && kind == ExpenditureKind.Project && (projectCode.Length == 0 || projectName.Length == 0))
        {
            problems.Add(new InputProblem(file, row.Number, projectCode.Length == 0 ? LedgerColumn.ProjectCode.Element : LedgerColumn.ProjectName.Element, Messages.ProjectMissing));
        }

        if (procurementAmount > Math.Abs(amount))
        {
            problems.Add(new InputProblem(file, row.Number, LedgerColumn.ProcurementAmount.Element, Messages.ProcurementExceedsAmount));
        }

        if (procurementAmount > 0 && procurement == ProcurementType.None)
        {
            problems.Add(new InputProblem(file, row.Number, LedgerColumn.ProcurementType.Element, Messages.ProcurementTypeMissing));
        }

        if (sme > procurementAmount)
        {
            problems.Add(new InputProblem(file, row.Number, LedgerColumn.SmeAmount.Element, Messages.SmeExceedsProcurement));
        }

        if (micro > sme)
        {
            problems.Add(new InputProblem(file, row.Number, LedgerColumn.MicroAmount.Element, Messages.MicroExceedsSme));
        }

        var yearText = Text(LedgerColumn.FiscalYear);
        if (fiscalYear is int expected && yearText.Length > 0)
        {
            if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year != expected)
            {
                problems.Add(new InputProblem(file, row.Number, LedgerColumn.FiscalYear.Element, Messages.FiscalYearMismatch(year, expected)));
            }
        }

        if (problems.Count > before)
        {
            return null;
        }

        return new BudgetLine
        {
            AgencyCode = agency,
            Function = function,
            Economic = economic,
            GovernmentEconomic = gov,
            Kind = kind,
            ProjectCode = projectCode.Length > 0 ? projectCode : null,
            ProjectName = projectName.Length > 0 ? projectName : null,
            ProjectCategory = Text(LedgerColumn.ProjectCategory) is { Length: > 0 } category ? category : null,
            Fund = fund,
            Amount = amount,
            Procurement = procurement,
            ProcurementAmount = procurementAmount,
            SmeAmount = sme,
            MicroAmount = micro,
            OfficialExpense = official,
            IsOperatingExpense = operating,
            Source = new LineSource(file, row.Number),
        };
    }
}
