using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Stagehand.Schema.Evolution;

/// <summary>
/// A place whose values are listed (<c>enum</c>, <c>const</c>, or a string pattern that is an alternation of literals)
/// in both versions is compared exactly: by the listed
/// values each version's keywords admit. A <c>maxLength</c> added to <c>enum: ["x", "y"]</c> admits the same values, so
/// it changes nothing; removing a listed value narrows.
/// </summary>
internal static class EnumeratedValues
{
    private static readonly string[] Constraints =
    [
        FactAspects.Type, FactAspects.Enum, FactAspects.Const, FactAspects.Pattern, FactAspects.MultipleOf,
        "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
    ];

    /// <summary>The effect of changing <paramref name="aspect"/> at <paramref name="path"/>, when both versions list the values there; else null.</summary>
    public static ChangeEffect? Effect(Dictionary<(string, string), ContractFact> before, Dictionary<(string, string), ContractFact> after, string path, string aspect)
    {
        if (Array.IndexOf(Constraints, aspect) < 0 || Admitted(before, path) is not { } old || Admitted(after, path) is not { } @new)
        {
            return null;
        }

        var lost = old.Except(@new, StringComparer.Ordinal).Any();
        var gained = @new.Except(old, StringComparer.Ordinal).Any();
        return lost && gained ? ChangeEffect.Changes : lost ? ChangeEffect.Narrows : gained ? ChangeEffect.Widens : ChangeEffect.Annotation;
    }

    /// <summary>The listed values the keywords at a place admit, or null when the place lists none or a keyword cannot be evaluated.</summary>
    private static List<string>? Admitted(Dictionary<(string, string), ContractFact> facts, string path)
    {
        string? Get(string aspect) => facts.TryGetValue((path, aspect), out var fact) ? fact.Value : null;
        var listed = Get(FactAspects.Const) is { } constant ? new[] { constant }
            : Get(FactAspects.Enum) is { } values ? ChangeRules.ParseArray(values).ToArray()
            : Get(FactAspects.Type) == "[\"string\"]" && Get(FactAspects.Pattern) is { } alternation && PatternLiterals.Of(ChangeRules.Unquote(alternation)) is { } literals
                ? literals.Select(FactText.Quote).ToArray()
                : null;
        if (listed is null || Get(FactAspects.Format) is not null)
        {
            return null;
        }

        var types = Get(FactAspects.Type) is { } typeList ? ChangeRules.ParseArray(typeList).Select(ChangeRules.Unquote).ToList() : null;
        System.Text.RegularExpressions.Regex? pattern = null;
        if (Get(FactAspects.Pattern) is { } patternText)
        {
            try
            {
                pattern = Stagehand.Contracts.EcmaPattern.Compile(ChangeRules.Unquote(patternText));
            }
            catch (ArgumentException)
            {
                return null;
            }
        }

        var admitted = new List<string>();
        foreach (var value in listed)
        {
            var kind = KindOf(value);
            if (types is not null && !types.Contains(kind) && !(kind == "integer" && types.Contains("number")))
            {
                continue;
            }

            if (kind == "string")
            {
                var text = ChangeRules.Unquote(value);
                var length = new StringInfo(text).LengthInTextElements;
                if ((Get("minLength") is { } min && length < ChangeRules.Number(min)) || (Get("maxLength") is { } max && length > ChangeRules.Number(max)))
                {
                    continue;
                }

                try
                {
                    if (pattern is not null && !pattern.IsMatch(text))
                    {
                        continue;
                    }
                }
                catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
                {
                    return null;
                }
            }
            else if (kind is "integer" or "number")
            {
                var number = ChangeRules.Number(value);
                if ((Get("minimum") is { } low && number < ChangeRules.Number(low))
                    || (Get("maximum") is { } high && number > ChangeRules.Number(high))
                    || (Get("exclusiveMinimum") is { } exclusiveLow && number <= ChangeRules.Number(exclusiveLow))
                    || (Get("exclusiveMaximum") is { } exclusiveHigh && number >= ChangeRules.Number(exclusiveHigh))
                    || (Get(FactAspects.MultipleOf) is { } step && Math.Abs(number / ChangeRules.Number(step) - Math.Round(number / ChangeRules.Number(step))) > 1e-9))
                {
                    continue;
                }
            }

            admitted.Add(value);
        }

        return admitted;
    }

    private static string KindOf(string value) => value switch
    {
        "null" => "null",
        "true" or "false" => "boolean",
        _ when value.StartsWith("\"", StringComparison.Ordinal) => "string",
        _ when value.StartsWith("[", StringComparison.Ordinal) => "array",
        _ when value.StartsWith("{", StringComparison.Ordinal) => "object",
        _ => value.IndexOfAny(['.', 'e', 'E']) < 0 ? "integer" : "number",
    };
}
