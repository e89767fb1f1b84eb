using Yusuan.Core.Model;

namespace Yusuan.Core.Compile;

/// <summary>
/// The finest cross-classification any table needs. Lines that share a key are indistinguishable to every table,
/// so compiling aggregates lines into atoms in one streaming pass: memory grows with distinct keys, not with lines.
/// </summary>
internal readonly record struct AtomKey(
    string Agency,
    FunctionCode Function,
    EconomicCode Economic,
    ExpenditureKind Kind,
    FundSource Fund,
    string Project,
    OfficialExpenseCategory Official,
    ProcurementType Procurement,
    bool Operating) : IComparable<AtomKey>
{
    /// <summary>Table order: agency, function code, kind, economic code, project, fund source, then the rest (enums by value,
    /// compared as integers — <see cref="Enum.CompareTo"/> takes an object and boxes both, which was most of what sealing a
    /// department's atoms allocated).</summary>
    public int CompareTo(AtomKey other)
    {
        var c = string.CompareOrdinal(Agency, other.Agency);
        if (c == 0)
        {
            c = Function.CompareTo(other.Function);
        }

        if (c == 0)
        {
            c = ((int)Kind).CompareTo((int)other.Kind);
        }

        if (c == 0)
        {
            c = Economic.CompareTo(other.Economic);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(Project, other.Project);
        }

        if (c == 0)
        {
            c = ((int)Fund).CompareTo((int)other.Fund);
        }

        if (c == 0)
        {
            c = ((int)Official).CompareTo((int)other.Official);
        }

        if (c == 0)
        {
            c = ((int)Procurement).CompareTo((int)other.Procurement);
        }

        if (c == 0)
        {
            c = Operating.CompareTo(other.Operating);
        }

        return c;
    }
}

/// <summary>The quantities a line carries: its amount and the procurement parts of it.</summary>
internal enum Measure
{
    Amount = 0,
    Procurement = 1,
    Sme = 2,
    Micro = 3,
}
