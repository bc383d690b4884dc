using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Stagehand.Schema.Evolution;

/// <summary>What a change does to the set of values a contract accepts.</summary>
internal enum ChangeEffect
{
    /// <summary>Nothing on the wire: documentation, deprecation, a C# name.</summary>
    Annotation,

    /// <summary>Every value accepted before is still accepted, and more: a request gains a capability; a response may send what older clients refuse.</summary>
    Widens,

    /// <summary>Fewer values are accepted: a request refuses what older clients send; a response promises more.</summary>
    Narrows,

    /// <summary>Some values are gained and others lost: breaking either way.</summary>
    Changes,

    /// <summary>The wire is unchanged but what the other side does with a value is not (a default, a member now ignored).</summary>
    Behaviour,

    /// <summary>A new member or contract: a capability both ways, unless a strict reader refuses it.</summary>
    Capability,

    /// <summary>The change may narrow, widen or neither, and no proof either way is at hand (a pattern, a <c>not</c>).</summary>
    Unproven,
}

/// <summary>
/// The classification table: for each aspect, what a change from one value to another does (<see cref="Effect"/>), and
/// for each effect and direction, the bump it needs (<see cref="Bump"/>). <c>docs/evolution.md</c> gives the same
/// table in words.
/// </summary>
internal static class ChangeRules
{
    /// <summary>The bump a change with <paramref name="effect"/> needs in a contract that travels <paramref name="direction"/>.</summary>
    public static VersionBump Bump(ChangeEffect effect, ContractDirection direction) => direction switch
    {
        ContractDirection.Request => RequestBump(effect),
        ContractDirection.Response => ResponseBump(effect),
        _ => (VersionBump)Math.Max((int)RequestBump(effect), (int)ResponseBump(effect)),
    };

    private static VersionBump RequestBump(ChangeEffect effect) => effect switch
    {
        ChangeEffect.Annotation => VersionBump.Patch,
        ChangeEffect.Widens or ChangeEffect.Capability or ChangeEffect.Behaviour => VersionBump.Minor,
        _ => VersionBump.Major,
    };

    private static VersionBump ResponseBump(ChangeEffect effect) => effect switch
    {
        ChangeEffect.Annotation or ChangeEffect.Narrows => VersionBump.Patch,
        ChangeEffect.Capability or ChangeEffect.Behaviour => VersionBump.Minor,
        _ => VersionBump.Major,
    };

    /// <summary>What changing <paramref name="aspect"/> from <paramref name="before"/> to <paramref name="after"/> (null: absent) does.</summary>
    public static ChangeEffect Effect(string aspect, string? before, string? after)
    {
        if (Array.IndexOf(FactAspects.LowerBounds, aspect) >= 0)
        {
            // A count's lower bound is 0 when absent (minContains: 1), so stating that bound changes nothing.
            var implicitBound = aspect == "minContains" ? "1" : aspect is "minLength" or "minItems" or "minProperties" ? "0" : null;
            return Bound(before ?? implicitBound, after ?? implicitBound, lower: true);
        }

        if (Array.IndexOf(FactAspects.UpperBounds, aspect) >= 0)
        {
            return Bound(before, after, lower: false);
        }

        switch (aspect)
        {
            case FactAspects.Type:
                return Types(before, after);
            case FactAspects.Enum:
                return before is null ? ChangeEffect.Narrows : after is null ? ChangeEffect.Widens : Sets(ParseArray(before), ParseArray(after));
            case FactAspects.Const:
            case FactAspects.Format:
                return before is null ? ChangeEffect.Narrows : after is null ? ChangeEffect.Widens : ChangeEffect.Changes;
            case FactAspects.Pattern:
                return before is null ? ChangeEffect.Narrows : after is null ? ChangeEffect.Widens : Patterns(Unquote(before), Unquote(after));
            case FactAspects.MultipleOf:
                return MultipleOf(before, after);
            case FactAspects.UniqueItems:
            case FactAspects.Required:
                return before is null ? ChangeEffect.Narrows : ChangeEffect.Widens;
            case FactAspects.DependentRequired:
                return before is null ? ChangeEffect.Narrows : after is null ? ChangeEffect.Widens : Sets(ParseArray(after), ParseArray(before));
            case FactAspects.Schema:
                return after == "false" || before == "true" ? ChangeEffect.Narrows : ChangeEffect.Widens;
            case FactAspects.Union:
                // oneOf refuses a value two cases match, anyOf takes it: that matters only where cases overlap.
                return ChangeEffect.Unproven;
            case FactAspects.Ref:
            case FactAspects.DynamicRef:
                return ChangeEffect.Unproven;
            case FactAspects.Default:
            case FactAspects.ClientOnly:
                return ChangeEffect.Behaviour;
            case FactAspects.Visibility:
                return after == "\"internal\"" ? ChangeEffect.Changes : ChangeEffect.Capability;
            default:
                // Documentation, deprecation, names, directions, discriminators (how a case is found, not which values are valid),
                // annotated formats, and the C#-only difference between dropping and keeping unknown members.
                return ChangeEffect.Annotation;
        }
    }

    /// <summary>What a change of the members an object accepts beyond its declared ones does: <c>false</c> &lt; a schema &lt; anything.</summary>
    public static ChangeEffect Additional(string before, string after)
    {
        static int Rank(string state) => state switch { "reject" => 0, "schema" => 1, _ => 2 };
        return Rank(after).CompareTo(Rank(before)) switch
        {
            < 0 => ChangeEffect.Narrows,
            > 0 => ChangeEffect.Widens,
            _ => before == "schema" ? ChangeEffect.Unproven : ChangeEffect.Annotation,
        };
    }

    private static ChangeEffect Bound(string? before, string? after, bool lower)
    {
        if (before is null)
        {
            return ChangeEffect.Narrows;
        }

        if (after is null)
        {
            return ChangeEffect.Widens;
        }

        var comparison = Number(after).CompareTo(Number(before));
        if (comparison == 0)
        {
            return ChangeEffect.Annotation;
        }

        return (comparison > 0) == lower ? ChangeEffect.Narrows : ChangeEffect.Widens;
    }

    private static ChangeEffect MultipleOf(string? before, string? after)
    {
        if (before is null)
        {
            return ChangeEffect.Narrows;
        }

        if (after is null)
        {
            return ChangeEffect.Widens;
        }

        var (old, @new) = (Number(before), Number(after));
        if (IsWhole(@new / old))
        {
            return ChangeEffect.Narrows;
        }

        return IsWhole(old / @new) ? ChangeEffect.Widens : ChangeEffect.Changes;

        static bool IsWhole(double value) => Math.Abs(value - Math.Round(value)) < 1e-9;
    }

    private static ChangeEffect Types(string? before, string? after)
    {
        if (before is null)
        {
            return ChangeEffect.Narrows;
        }

        if (after is null)
        {
            return ChangeEffect.Widens;
        }

        var old = ParseArray(before).Select(Unquote).ToList();
        var @new = ParseArray(after).Select(Unquote).ToList();
        bool Covers(List<string> types, string type) => types.Contains(type) || (type == "integer" && types.Contains("number"));
        var widens = old.All(t => Covers(@new, t));
        var narrows = @new.All(t => Covers(old, t));
        return widens && narrows ? ChangeEffect.Annotation : widens ? ChangeEffect.Widens : narrows ? ChangeEffect.Narrows : ChangeEffect.Changes;
    }

    private static ChangeEffect Sets(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        var lost = before.Except(after, StringComparer.Ordinal).Any();
        var gained = after.Except(before, StringComparer.Ordinal).Any();
        return lost && gained ? ChangeEffect.Changes : lost ? ChangeEffect.Narrows : gained ? ChangeEffect.Widens : ChangeEffect.Annotation;
    }

    /// <summary>
    /// Two patterns compared: when both are alternations of literal strings (<c>^(gpt-4o|gpt-4.1)$</c>), by the strings
    /// they admit; otherwise unproven.
    /// </summary>
    private static ChangeEffect Patterns(string before, string after) =>
        PatternLiterals.Of(before) is { } old && PatternLiterals.Of(after) is { } @new ? Sets(old, @new) : ChangeEffect.Unproven;

    public static double Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : double.NaN;

    /// <summary>The items of a fact's JSON array value, each as its JSON text (strings stay quoted); none when it is no array.</summary>
    public static IReadOnlyList<string> ParseArray(string value)
    {
        if (value.Length < 2 || value[0] != '[')
        {
            return Array.Empty<string>();
        }

        try
        {
            using var array = System.Text.Json.JsonDocument.Parse(value);
            return array.RootElement.EnumerateArray().Select(item => item.GetRawText()).ToList();
        }
        catch (System.Text.Json.JsonException)
        {
            // A baseline line with a broken value is an STH0012 of its own; here it lists nothing.
            return Array.Empty<string>();
        }
    }

    /// <summary>A quoted fact value's text (escapes undone); any other value as it is.</summary>
    public static string Unquote(string value)
    {
        if (value.Length < 2 || value[0] != '"')
        {
            return value;
        }

        try
        {
            using var text = System.Text.Json.JsonDocument.Parse(value);
            return text.RootElement.GetString()!;
        }
        catch (System.Text.Json.JsonException)
        {
            return value;
        }
    }
}

/// <summary>The strings a pattern admits, when it is nothing but an anchored alternation of literals.</summary>
internal static class PatternLiterals
{
    /// <summary>
    /// <c>^a$</c>, <c>^(a|b)$</c>, <c>^(?:a|b)$</c> and <c>^a$|^b$</c> (with <c>\.</c>, <c>\-</c> and the like as the
    /// characters they escape) give their strings; anything else (a class, a quantifier, an unanchored pattern) gives null.
    /// </summary>
    public static IReadOnlyList<string>? Of(string pattern)
    {
        var alternatives = new List<string>();
        if (pattern.StartsWith("^(", StringComparison.Ordinal) && pattern.EndsWith(")$", StringComparison.Ordinal))
        {
            var inner = pattern.Substring(2, pattern.Length - 4);
            if (inner.StartsWith("?:", StringComparison.Ordinal))
            {
                inner = inner.Substring(2);
            }

            alternatives.AddRange(Split(inner));
        }
        else
        {
            foreach (var part in Split(pattern))
            {
                if (!part.StartsWith("^", StringComparison.Ordinal) || !part.EndsWith("$", StringComparison.Ordinal) || part.EndsWith("\\$", StringComparison.Ordinal))
                {
                    return null;
                }

                alternatives.Add(part.Substring(1, part.Length - 2));
            }
        }

        var literals = new List<string>();
        foreach (var alternative in alternatives)
        {
            if (Literal(alternative) is not { } literal)
            {
                return null;
            }

            literals.Add(literal);
        }

        return literals;
    }

    private static IEnumerable<string> Split(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '|')
            {
                yield return text.Substring(start, i - start);
                start = i + 1;
            }
        }

        yield return text.Substring(start);
    }

    private static string? Literal(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\')
            {
                if (i + 1 >= text.Length || char.IsLetterOrDigit(text[i + 1]))
                {
                    return null; // \d, \w, \u...: a class or an escape that is not one character.
                }

                builder.Append(text[++i]);
            }
            else if ("^$.*+?()[]{}|".IndexOf(c) >= 0)
            {
                return null;
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
