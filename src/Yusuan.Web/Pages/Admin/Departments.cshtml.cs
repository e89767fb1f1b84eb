using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Yusuan.Formats.Yaml;
using Yusuan.Store;

namespace Yusuan.Web.Pages.Admin;

/// <summary>
/// Departments for admins: every registered department with its budget years and the officers who act for it, and a form that
/// registers a new one — its code and name, 单位性质, 主管部门, region, first fiscal year and agencies — and lets officers act
/// for it. Who a budget belongs to comes from here; no text an officer edits can change it.
/// </summary>
[Authorize(Policy = Policies.Administers)]
public sealed partial class DepartmentsModel(StoreFactory stores) : YusuanPage(stores)
{
    /// <summary>The kinds of unit a profile names (单位性质).</summary>
    public static readonly string[] UnitKinds = ["行政单位", "参照公务员法管理事业单位", "事业单位", "其他"];

    public const int AgencyRows = 5;

    public IReadOnlyList<(string Code, string Name, IReadOnlyList<int> Years, IReadOnlyList<string> Officers)> Departments { get; private set; } = [];

    public IReadOnlyList<string> Officers { get; private set; } = [];

    [BindProperty]
    public DepartmentForm Form { get; set; } = new();

    public Dictionary<string, string> Invalid { get; } = [];

    public string? Registered { get; private set; }

    public sealed class DepartmentForm
    {
        public string? Code { get; set; }

        public string? Name { get; set; }

        public string? UnitKind { get; set; }

        public string? SupervisorCode { get; set; }

        public string? SupervisorName { get; set; }

        public string? RegionCode { get; set; }

        public string? FiscalYear { get; set; }

        public List<AgencyRow> Agencies { get; set; } = [];

        public List<string> Officers { get; set; } = [];
    }

    public sealed class AgencyRow
    {
        public string? Code { get; set; }

        public string? Name { get; set; }
    }

    public IActionResult OnGet()
    {
        using var store = Stores.Open();

        Form = new DepartmentForm { FiscalYear = (DateTime.UtcNow.Year + 1).ToString(CultureInfo.InvariantCulture), Agencies = Blank() };
        return Show(store);
    }

    public IActionResult OnPost()
    {
        using var store = Stores.Open();

        var code = Form.Code?.Trim() ?? string.Empty;
        var name = Form.Name?.Trim() ?? string.Empty;
        if (!CodePattern().IsMatch(code))
        {
            Invalid["Code"] = "部门编码须为 1 到 32 位数字或字母";
        }

        if (name.Length is 0 or > 100)
        {
            Invalid["Name"] = "请填写部门名称（不超过 100 个字）";
        }

        if (!int.TryParse(Form.FiscalYear, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100)
        {
            Invalid["FiscalYear"] = "预算年度须为 2000 到 2100 之间的年份";
        }

        if (!UnitKinds.Contains(Form.UnitKind))
        {
            Invalid["UnitKind"] = "请选择单位性质";
        }

        if (!string.IsNullOrWhiteSpace(Form.RegionCode) && !RegionPattern().IsMatch(Form.RegionCode.Trim()))
        {
            Invalid["RegionCode"] = "财政区划编码为 6 位数字（如 440300）";
        }

        var agencies = Form.Agencies.Select((a, i) => (a, i)).Where(x => !string.IsNullOrWhiteSpace(x.a.Code) || !string.IsNullOrWhiteSpace(x.a.Name)).ToList();
        foreach (var (agency, i) in agencies.Where(x => !CodePattern().IsMatch(x.a.Code?.Trim() ?? string.Empty) || string.IsNullOrWhiteSpace(x.a.Name)))
        {
            Invalid[$"Agencies[{i}]"] = "所属单位须有编码（数字或字母）和名称";
        }

        foreach (var twice in agencies.GroupBy(x => x.a.Code?.Trim()).Where(g => g.Count() > 1))
        {
            Invalid[$"Agencies[{twice.Last().i}]"] = $"单位编码 {twice.Key} 写了两次";
        }

        if (Invalid.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Show(store);
        }

        // A department without agencies of its own is its one agency (a unit that is its own budget unit).
        var units = agencies.Count == 0
            ? [new EntityDocument { Code = code, Name = name }]
            : agencies.Select(x => new EntityDocument { Code = x.a.Code!.Trim(), Name = x.a.Name!.Trim() }).ToList();
        var profile = new ProfileDocument
        {
            Schema = "yusuan.profile/1",
            FiscalYear = year,
            RegionCode = string.IsNullOrWhiteSpace(Form.RegionCode) ? null : Form.RegionCode.Trim(),
            Department = new EntityDocument { Code = code, Name = name },
            UnitKind = Form.UnitKind,
            Supervisor = string.IsNullOrWhiteSpace(Form.SupervisorName) ? null : new EntityDocument { Code = Form.SupervisorCode?.Trim(), Name = Form.SupervisorName.Trim() },
            Agencies = units,
        };
        try
        {
            store.RegisterDepartment(code, name, YamlWriter.Write(profile, $"{code} {name}：部门概况，由管理员登记（yusuan.profile/1）"), null, Account.Name);
        }
        catch (StoreException e)
        {
            Invalid["Code"] = e.Message;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Show(store);
        }

        foreach (var officer in store.Users().Where(u => u.Role == "officer" && Form.Officers.Contains(u.Name)))
        {
            store.SetAgencies(officer.Name, [.. officer.Agencies, code], Account.Name);
        }

        Registered = $"已登记 {code} {name}。经办人可在工作台上传 {year} 年的预算明细，并在表单中填写文字部分和绩效目标。";
        Form = new DepartmentForm { FiscalYear = Form.FiscalYear, Agencies = Blank() };
        return Show(store);
    }

    private PageResult Show(BudgetStore store)
    {
        var users = store.Users();
        Officers = users.Where(u => u.Role == "officer").Select(u => u.Name).ToList();
        var years = store.VersionYears();
        Departments = store.Departments()
            .Select(d => (d.Code, d.Name, (IReadOnlyList<int>)years[d.Code].Order().ToList(),
                (IReadOnlyList<string>)users.Where(u => u.Role == "officer" && u.Agencies.Contains(d.Code)).Select(u => u.Name).ToList())).ToList();
        while (Form.Agencies.Count < AgencyRows)
        {
            Form.Agencies.Add(new AgencyRow());
        }

        return Page();
    }

    private static List<AgencyRow> Blank() => [.. Enumerable.Range(0, AgencyRows).Select(_ => new AgencyRow())];

    [GeneratedRegex("^[0-9A-Za-z]{1,32}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[0-9]{6}$")]
    private static partial Regex RegionPattern();
}
