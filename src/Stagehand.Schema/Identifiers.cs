using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Stagehand.Schema;

/// <summary>Turns wire names into C# names.</summary>
internal static class Identifiers
{
    public static bool IsValid(string name) =>
        SyntaxFacts.IsValidIdentifier(name) && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None;

    /// <summary>
    /// <c>modelName</c> → <c>ModelName</c>, <c>private_key</c> → <c>PrivateKey</c>, <c>system-default</c> →
    /// <c>SystemDefault</c>, <c>HIT</c> → <c>Hit</c>, <c>us-west-2</c> → <c>UsWest2</c>; a name that starts with
    /// a digit gets <paramref name="digitPrefix"/>.
    /// </summary>
    public static string ToPascalCase(string wireName, string digitPrefix = "Value")
    {
        var builder = new StringBuilder(wireName.Length);
        foreach (var part in SplitWords(wireName))
        {
            if (IsAllUpper(part) && part.Length > 2)
            {
                builder.Append(part[0]).Append(part.Substring(1).ToLowerInvariant());
            }
            else
            {
                builder.Append(char.ToUpperInvariant(part[0])).Append(part.Substring(1));
            }
        }

        if (builder.Length == 0)
        {
            return digitPrefix;
        }

        return char.IsDigit(builder[0]) ? digitPrefix + builder : builder.ToString();
    }

    /// <summary>
    /// <paramref name="name"/> when it is a valid C# identifier and not a keyword, else its PascalCase form with only
    /// identifier characters, prefixed with <paramref name="prefix"/> when it would not start like an identifier
    /// (<c>pet-owner</c> → <c>PetOwner</c>, <c>1st</c> → <c>Type1st</c>, <c>class</c> → <c>Class</c>).
    /// </summary>
    public static string ToIdentifier(string name, string prefix)
    {
        if (IsValid(name))
        {
            return name;
        }

        var pascal = ToPascalCase(name, prefix);
        var builder = new StringBuilder(pascal.Length);
        foreach (var c in pascal)
        {
            if (SyntaxFacts.IsIdentifierPartCharacter(c))
            {
                builder.Append(c);
            }
        }

        var candidate = builder.ToString();
        if (candidate.Length == 0 || !SyntaxFacts.IsIdentifierStartCharacter(candidate[0]))
        {
            candidate = prefix + candidate;
        }

        return IsValid(candidate) ? candidate : prefix;
    }

    /// <summary>
    /// A C# type name for <paramref name="name"/>: <see cref="ToIdentifier"/>, starting with a capital letter
    /// (<c>tree</c> → <c>Tree</c>), since C# warns that all-lower-case type names may become keywords (CS8981).
    /// </summary>
    public static string ToTypeName(string name, string prefix)
    {
        var identifier = ToIdentifier(name, prefix);
        return char.IsLower(identifier[0]) ? char.ToUpperInvariant(identifier[0]) + identifier.Substring(1) : identifier;
    }

    /// <summary>A parameter or local name for a PascalCase name, escaped with <c>@</c> when it is a keyword.</summary>
    public static string ToCamelCase(string pascalName)
    {
        var camel = char.ToLowerInvariant(pascalName[0]) + pascalName.Substring(1);
        return SyntaxFacts.GetKeywordKind(camel) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(camel) != SyntaxKind.None
            ? "@" + camel
            : camel;
    }

    private static IEnumerable<string> SplitWords(string name)
    {
        var current = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(c);
                continue;
            }

            if (current.Length > 0)
            {
                yield return current.ToString();
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }

    private static bool IsAllUpper(string part)
    {
        var letters = 0;
        foreach (var c in part)
        {
            if (char.IsLetter(c))
            {
                letters++;
                if (!char.IsUpper(c))
                {
                    return false;
                }
            }
        }

        return letters > 0;
    }

    /// <summary>Escapes text for a C# string literal.</summary>
    public static string Literal(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < ' ' || (c >= 0xD800 && c <= 0xDFFF) || c == '\u2028' || c == '\u2029' || c == '\u0085')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    public static bool EqualsOrdinal(string left, string right) => string.Equals(left, right, StringComparison.Ordinal);
}
