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

    // The last text of each coded column and what it parsed to. The CSV reader gives a text equal to one read before as the
    // same string, mostly (CsvRecordReader), and a ledger repeats its codes, kinds and funds line after line: a text seen last
    // time is not parsed again.
    private Memo<FunctionCode> lastFunction;
    private Memo<EconomicCode> lastEconomic;
    private Memo<GovernmentEconomicCode> lastGovernmentEconomic;
    private Memo<ExpenditureKind> lastKind;
    private Memo<FundSource> lastFund;
    private Memo<ProcurementType> lastProcurementType;
    private Memo<OfficialExpenseCategory> lastOfficialExpense;
    private Memo<bool> lastOperatingExpense;

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

        T Read<T>(LedgerColumn column, Func<string, ParseResult<T>> parse, T fallback) =>
            Text(column) is var text && Missing(column, text) ? fallback : Outcome(column, parse(text), fallback);

        // A coded column: its text parsed only when it is not the string parsed last time.
        T ReadCoded<T>(LedgerColumn column, Func<string, ParseResult<T>> parse, T fallback, ref Memo<T> memo)
        {
            var text = Text(column);
            if (Missing(column, text))
            {
                return fallback;
            }

            if (!ReferenceEquals(text, memo.Text))
            {
                memo = new Memo<T>(text, parse(text));
            }

            return Outcome(column, memo.Result, fallback);
        }

        bool Missing(LedgerColumn column, string text)
        {
            if (text.Length == 0 && column.Required)
            {
                problems.Add(new InputProblem(file, row.Number, Title(column), Messages.ValueMissing));
                return true;
            }

            return false;
        }

        T Outcome<T>(LedgerColumn column, ParseResult<T> result, T fallback)
        {
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

        var function = ReadCoded(LedgerColumn.FunctionCode, FunctionCode.Parse, default, ref lastFunction);
        var economic = ReadCoded(LedgerColumn.EconomicCode, EconomicCode.Parse, default, ref lastEconomic);
        var govText = Text(LedgerColumn.GovernmentEconomicCode);
        GovernmentEconomicCode? gov = null;
        if (govText.Length > 0)
        {
            gov = ReadCoded(LedgerColumn.GovernmentEconomicCode, GovernmentEconomicCode.Parse, default, ref lastGovernmentEconomic);
        }

        var beforeKind = problems.Count;
        var kind = ReadCoded(LedgerColumn.Kind, Terms.ParseKind, ExpenditureKind.Project, ref lastKind);
        var kindKnown = problems.Count == beforeKind;
        var fund = ReadCoded(LedgerColumn.Fund, Terms.ParseFund, FundSource.GeneralPublicBudget, ref lastFund);
        var amount = Read(LedgerColumn.Amount, Terms.ParseAmount, 0m);
        var procurement = ReadCoded(LedgerColumn.ProcurementType, Terms.ParseProcurement, ProcurementType.None, ref lastProcurementType);
        var procurementAmount = OptionalAmount(LedgerColumn.ProcurementAmount);
        var sme = OptionalAmount(LedgerColumn.SmeAmount);
        var micro = OptionalAmount(LedgerColumn.MicroAmount);
        var official = ReadCoded(LedgerColumn.OfficialExpense, Terms.ParseOfficialExpense, OfficialExpenseCategory.None, ref lastOfficialExpense);
        var operating = ReadCoded(LedgerColumn.OperatingExpense, Terms.ParseFlag, false, ref lastOperatingExpense);
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

/// <summary>A text of a coded column and what it parsed to (<see cref="LedgerRowParser"/>).</summary>
internal readonly record struct Memo<T>(string? Text, ParseResult<T> Result);
