using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace Stagehand.Differential.Tests;

/// <summary>
/// The known NJsonSchema 11.6.2 defects (listed, with reasons and examples, in njsonschema-defects.json). Each one is a
/// checked predicate, not a label: it finds the construct NJsonSchema mishandles in the document and rewrites it into
/// one with the SAME draft 2020-12 verdict that NJsonSchema handles correctly (an RFC-invalid string for another
/// RFC-invalid one, <c>5.0</c> for <c>5</c>, a duplicated member for its last value). A disagreement is explained only
/// when the construct is present AND both validators agree on the rewritten document.
/// </summary>
internal static class KnownDefects
{
    /// <summary>A string every format rejects, and that NJsonSchema's format checks reject too.</summary>
    private const string NotAFormat = "%%not a valid value%%";

    /// <summary>A listed difference: <paramref name="Applies"/> checks the verdicts, <paramref name="Rewrite"/> neutralises the construct.</summary>
    public sealed record Defect(string Id, Func<Verdicts, bool> Applies, Func<Case, Case?> Rewrite);

    private static readonly Func<Verdicts, bool> OursRejects = v => !v.Ours.IsValid;

    private static readonly Func<Verdicts, bool> TheyReject = v => v.Theirs != true;

    public static IReadOnlyList<Defect> All { get; } = new[]
    {
        // Newtonsoft reads 5.0 / 5e0 as a float token, and NJsonSchema's integer check is on the token type.
        new Defect("integer-whole-decimal", TheyReject, c => RewriteNumbers(c, text =>
            (text.Contains('.', StringComparison.Ordinal) || text.Contains('e', StringComparison.OrdinalIgnoreCase)) &&
            decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == decimal.Truncate(d) &&
            d >= long.MinValue && d <= long.MaxValue
                ? ((System.Numerics.BigInteger)d).ToString(CultureInfo.InvariantCulture)
                : null)),

        // JObject keeps the last of duplicated members: the duplicate never reaches the validator.
        new Defect("duplicate-members", OursRejects, c =>
        {
            if (c.Duplicate is null || c.Document is null)
            {
                return null;
            }

            var collapsed = c.Document.DeepClone();
            JsonText.At(collapsed, c.Duplicate.Path)!.AsObject()[c.Duplicate.Name] = c.Duplicate.Value?.DeepClone();
            return c with { Json = JsonText.Write(collapsed), Document = collapsed, Duplicate = null };
        }),

        // Guid.TryParse: 32 digits, braces, parentheses, {0x..} and surrounding white space all pass as "uuid".
        new Defect("uuid-lenient", OursRejects, c => RewriteStrings(c, "uuid", s => !Rfc.IsUuid(s) && Guid.TryParse(s, out _) ? NotAFormat : null)),

        // Any of 15 DateTimeOffset.TryParseExact patterns or a \d{2}-only regex: "2024", "2024-13-45 99:99:99", no offset...
        new Defect("date-time-lenient", OursRejects, c => RewriteStrings(c, "date-time", s => !Rfc.IsDateTime(s) && NJsonSchemaDateTime.Accepts(s) ? NotAFormat : null)),

        // Uri.TryCreate(Absolute): "/path" (a Unix file path), spaces, backslashes, non-ASCII hosts.
        new Defect("uri-lenient", OursRejects, c => RewriteStrings(c, "uri", s => !Rfc.IsUri(s) && Uri.TryCreate(s, UriKind.Absolute, out _) ? NotAFormat : null)),

        // Uri.TryCreate(Absolute) refuses some RFC 3986 URIs: ports above 65535, "a:", empty hosts...
        new Defect("uri-strict", TheyReject, c => RewriteStrings(c, "uri", s => Rfc.IsUri(s) && !Uri.TryCreate(s, UriKind.Absolute, out _) ? "http://example.com/" : null)),

        // Newtonsoft reads an integer beyond 64 bits as a BigInteger, which NJsonSchema cannot convert (InvalidCastException,
        // whatever the schema). Rewritten to the nearest 64-bit integer: the same side of every bound in the schemas.
        new Defect("big-integer-crash", v => v.TheirException is not null, c => RewriteNumbers(c, BeyondInt64)),

        // ---- Stagehand rules: deliberate strictness beyond JSON Schema (issue 4, "numbers that do not fit the C# type"),
        // listed with the defects so that every excluded difference is named. Ours must be the side that says invalid.

        // A number member is a C# double: a literal that overflows it (1e400) is an error.
        new Defect("stagehand-number-beyond-double", OursRejects, c => RewriteNumbers(c, text =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsInfinity(d)
                ? (d > 0 ? "1.7e308" : "-1.7e308")
                : null)),

        // A date-time member is a DateTimeOffset: RFC 3339 values it cannot hold (year 0, offsets beyond 14 hours,
        // instants before year 1 or after 9999 in UTC) are errors.
        new Defect("stagehand-date-time-beyond-DateTimeOffset", OursRejects, c => RewriteStrings(c, "date-time", s =>
            Rfc.IsDateTime(s) && !Rfc.FitsDateTimeOffset(s) ? "2000-01-01T00:00:00Z" : null)),
    };

    /// <summary>
    /// The defects that explain a disagreement on <paramref name="c"/>: one alone, else every applicable one rewritten in
    /// turn. A defect applies only when the verdicts point its way (for a leniency, ours is the side that says invalid).
    /// </summary>
    public static IReadOnlyList<string> Explain(Case c, Verdicts verdicts, Func<string, Verdicts> run)
    {
        var applicable = All.Where(d => d.Applies(verdicts)).ToArray();
        foreach (var defect in applicable)
        {
            var rewritten = defect.Rewrite(c);
            if (rewritten is not null && rewritten.Json != c.Json && run(rewritten.Json).Agree)
            {
                return new[] { defect.Id };
            }
        }

        var current = c;
        var used = new List<string>();
        foreach (var defect in applicable)
        {
            var rewritten = defect.Rewrite(current);
            if (rewritten is not null && rewritten.Json != current.Json)
            {
                current = rewritten;
                used.Add(defect.Id);
            }
        }

        return used.Count > 1 && run(current.Json).Agree ? used : Array.Empty<string>();
    }

    private static string? BeyondInt64(string text) =>
        !text.Contains('.', StringComparison.Ordinal) && !text.Contains('e', StringComparison.OrdinalIgnoreCase) &&
        System.Numerics.BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) &&
        (n > long.MaxValue || n < long.MinValue)
            ? (n.Sign > 0 ? long.MaxValue : long.MinValue).ToString(CultureInfo.InvariantCulture)
            : null;

    private static Case? RewriteStrings(Case c, string format, Func<string, string?> replace)
    {
        if (c.Document is null)
        {
            return null;
        }

        var document = c.Document.DeepClone();
        var changed = false;
        foreach (var site in c.Sites.Where(s => s.Schema["format"] is JsonValue f && f.GetValue<string>() == format).Concat(c.Site is { } s0 && s0.Schema["format"]?.GetValue<string>() == format ? new[] { s0 } : Array.Empty<Site>()))
        {
            if (JsonText.TryAt(document, site.Path, out var node) && node is JsonValue v && v.TryGetValue<string>(out var text) && replace(text) is { } replacement)
            {
                document = JsonText.Replace(document, site.Path, JsonValue.Create(replacement));
                changed = true;
            }
        }

        return changed ? c with { Json = JsonText.Write(document, c.Duplicate), Document = document } : null;
    }

    private static Case? RewriteNumbers(Case c, Func<string, string?> replace)
    {
        if (c.Document is null)
        {
            return null;
        }

        var document = c.Document.DeepClone();
        var changed = false;
        document = Walk(document, ImmutableArray<object>.Empty);
        var duplicate = c.Duplicate is null ? null : c.Duplicate with { Value = Walk(c.Duplicate.Value?.DeepClone(), ImmutableArray<object>.Empty) };
        return changed ? c with { Json = JsonText.Write(document, duplicate), Document = document, Duplicate = duplicate } : null;

        JsonNode? Walk(JsonNode? node, ImmutableArray<object> path)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var name in o.Select(p => p.Key).ToArray())
                    {
                        var child = o[name];
                        var walked = Walk(child, path.Add(name));
                        if (!ReferenceEquals(walked, child))
                        {
                            o[name] = walked;
                        }
                    }

                    return o;
                case JsonArray a:
                    for (var i = 0; i < a.Count; i++)
                    {
                        var child = a[i];
                        var walked = Walk(child, path.Add(i));
                        if (!ReferenceEquals(walked, child))
                        {
                            a[i] = walked;
                        }
                    }

                    return a;
                case JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.Number && replace(v.ToJsonString()) is { } replacement:
                    changed = true;
                    return JsonText.RawNumber(replacement);
                default:
                    return node;
            }
        }
    }
}

/// <summary>NJsonSchema 11.6.2's date-time check, restated (DateTimeFormatValidator): used only to state the defect precisely.</summary>
internal static partial class NJsonSchemaDateTime
{
    private static readonly string[] Formats =
    {
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd' 'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd' 'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd' 'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd' 'HH:mm", "yyyy-MM-dd'T'HH",
        "yyyy-MM-dd' 'HH", "yyyy-MM-dd", "yyyy-MM-dd'Z'", "yyyyMMdd", "yyyy-MM", "yyyy",
    };

    public static bool Accepts(string value) =>
        DateTimeOffset.TryParseExact(value, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _) || Pattern().IsMatch(value);

    [System.Text.RegularExpressions.GeneratedRegex(@"^((?:(\d{4}-\d{2}-\d{2})([Tt_]| )(\d{2}:\d{2}:\d{2}(?:\.\d+)?))([Zz]|[\+-]\d{2}:\d{2}))$")]
    private static partial System.Text.RegularExpressions.Regex Pattern();
}
