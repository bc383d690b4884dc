using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Stagehand.Differential.Tests;

/// <summary>
/// Independent, test-side readings of the three formats the schemas assert, straight from their RFCs. They decide
/// nothing on their own: they only prove the facts the known-defect predicates state ("this string is not RFC 3339").
/// </summary>
internal static partial class Rfc
{
    /// <summary>RFC 4122 / RFC 9562 textual form: 8-4-4-4-12 hex digits, either case.</summary>
    public static bool IsUuid(string value) => UuidPattern().IsMatch(value);

    /// <summary>RFC 3339 section 5.6 <c>date-time</c>, with the calendar, the clock and the leap second (23:59:60 UTC only).</summary>
    public static bool IsDateTime(string value)
    {
        var m = DateTimePattern().Match(value);
        if (!m.Success)
        {
            return false;
        }

        int N(string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);
        int year = N("y"), month = N("mo"), day = N("d"), hour = N("h"), minute = N("mi"), second = N("s");
        if (month is < 1 or > 12 || day < 1 || day > DaysIn(year, month) || hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        var offsetMinutes = 0;
        if (m.Groups["oh"].Success)
        {
            int oh = N("oh"), om = N("om");
            if (oh > 23 || om > 59)
            {
                return false;
            }

            offsetMinutes = (oh * 60 + om) * (m.Groups["sign"].Value == "-" ? -1 : 1);
        }

        if (second == 60)
        {
            // A leap second is only ever inserted at 23:59:60 UTC.
            var utc = ((hour * 60 + minute - offsetMinutes) % 1440 + 1440) % 1440;
            return utc == 23 * 60 + 59;
        }

        return true;
    }

    /// <summary>Whether a valid RFC 3339 date-time fits a DateTimeOffset: year 1 to 9999 in UTC and local, offset up to 14 hours.</summary>
    public static bool FitsDateTimeOffset(string value)
    {
        var m = DateTimePattern().Match(value);
        if (!m.Success)
        {
            return false;
        }

        int N(string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);
        var offset = m.Groups["oh"].Success ? TimeSpan.FromMinutes((N("oh") * 60 + N("om")) * (m.Groups["sign"].Value == "-" ? -1 : 1)) : TimeSpan.Zero;
        if (N("y") < 1 || offset.Duration() > TimeSpan.FromHours(14))
        {
            return false;
        }

        var local = new DateTime(N("y"), N("mo"), N("d"), N("h"), N("mi"), Math.Min(N("s"), 59), DateTimeKind.Unspecified);
        var utcTicks = local.Ticks - offset.Ticks;
        return utcTicks >= DateTime.MinValue.Ticks && utcTicks <= DateTime.MaxValue.Ticks;
    }

    /// <summary>RFC 3986 <c>URI</c> (absolute, with a scheme), from its ABNF.</summary>
    public static bool IsUri(string value) => UriPattern().IsMatch(value);

    public static int DaysIn(int year, int month) => month switch
    {
        2 => year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    [GeneratedRegex("^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex UuidPattern();

    [GeneratedRegex("^(?<y>[0-9]{4})-(?<mo>[0-9]{2})-(?<d>[0-9]{2})[Tt](?<h>[0-9]{2}):(?<mi>[0-9]{2}):(?<s>[0-9]{2})(\\.[0-9]+)?([Zz]|(?<sign>[+-])(?<oh>[0-9]{2}):(?<om>[0-9]{2}))\\z", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimePattern();

    private const string Pct = "%[0-9A-Fa-f]{2}";
    private const string PChar = "(?:[A-Za-z0-9\\-._~!$&'()*+,;=:@]|" + Pct + ")";
    private const string UserInfo = "(?:[A-Za-z0-9\\-._~!$&'()*+,;=:]|" + Pct + ")*";
    private const string IpLiteral = "\\[(?:[0-9A-Fa-f:.]+|[Vv][0-9A-Fa-f]+\\.[A-Za-z0-9\\-._~!$&'()*+,;=:]+)\\]";
    private const string RegName = "(?:[A-Za-z0-9\\-._~!$&'()*+,;=]|" + Pct + ")*";
    private const string Authority = "(?:" + UserInfo + "@)?(?:" + IpLiteral + "|" + RegName + ")(?::[0-9]*)?";
    private const string Hier = "(?://" + Authority + "(?:/" + PChar + "*)*|/(?:" + PChar + "+(?:/" + PChar + "*)*)?|" + PChar + "+(?:/" + PChar + "*)*|)";
    private const string Tail = "(?:\\?(?:" + PChar + "|[/?])*)?(?:#(?:" + PChar + "|[/?])*)?";

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+\\-.]*:" + Hier + Tail + "\\z", RegexOptions.CultureInvariant)]
    private static partial Regex UriPattern();
}
