using System.Collections.Generic;
using System.Text;

namespace Stagehand.Schema.Operations;

/// <summary>
/// An HTTP path template, <c>/v4/llms/{id}</c>: literal text and <c>{name}</c> parameters. <see cref="Route"/> is the
/// template with every parameter's name left out (<c>/v4/llms/{}</c>), so that two templates that match the same
/// requests compare equal whatever they call their parameters.
/// </summary>
internal sealed record PathTemplate(string Text, EquatableArray<string> Parameters, string Route)
{
    /// <summary>Reads a path template; null with the reason when it is not one.</summary>
    /// <remarks>
    /// A template starts with <c>/</c>; its segments are not empty; literal text is what a URI path may hold (letters,
    /// digits, <c>-._~!$&amp;'()*+,;=:@</c> and <c>%XX</c> escapes; no <c>?</c> or <c>#</c>); a parameter is
    /// <c>{name}</c>, a name being a letter or underscore then letters, digits and underscores; a name appears once, and
    /// two parameters are never next to each other (<c>{a}{b}</c> cannot be split).
    /// </remarks>
    public static PathTemplate? Parse(string text, out string? error)
    {
        error = null;
        if (text.Length == 0 || text[0] != '/')
        {
            error = "A path starts with '/'.";
            return null;
        }

        var parameters = new List<string>();
        var route = new StringBuilder();
        var segmentLength = 0;
        var previousWasParameter = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '/')
            {
                if (i > 0 && segmentLength == 0)
                {
                    error = "A path has no empty segment ('//').";
                    return null;
                }

                route.Append(c);
                segmentLength = 0;
                previousWasParameter = false;
                continue;
            }

            if (c == '{')
            {
                var close = text.IndexOf('}', i + 1);
                var nextOpen = text.IndexOf('{', i + 1);
                if (close < 0 || (nextOpen >= 0 && nextOpen < close))
                {
                    error = $"The '{{' at character {i + 1} is not closed by '}}'.";
                    return null;
                }

                var name = text.Substring(i + 1, close - i - 1);
                if (!OperationsFormat.IsOperationId(name))
                {
                    error = name.Length == 0
                        ? $"The parameter at character {i + 1} has no name: write '{{name}}'."
                        : $"'{name}' is not a parameter name: a letter or '_', then letters, digits or '_'.";
                    return null;
                }

                if (previousWasParameter)
                {
                    error = $"The parameter '{name}' follows another with nothing between them, so a request path cannot be split between the two.";
                    return null;
                }

                if (parameters.Contains(name))
                {
                    error = $"The parameter '{name}' appears twice.";
                    return null;
                }

                parameters.Add(name);
                route.Append("{}");
                segmentLength++;
                previousWasParameter = true;
                i = close;
                continue;
            }

            if (c == '}')
            {
                error = $"The '}}' at character {i + 1} closes no '{{'.";
                return null;
            }

            if (c == '%')
            {
                if (i + 2 >= text.Length || !IsHex(text[i + 1]) || !IsHex(text[i + 2]))
                {
                    error = $"The '%' at character {i + 1} is not followed by two hexadecimal digits.";
                    return null;
                }
            }
            else if (!IsPathCharacter(c))
            {
                error = c is '?' or '#'
                    ? $"A path has no '{c}': declare query parameters under 'query'."
                    : $"The character '{Printable(c)}' at {i + 1} cannot be in a URI path: escape it as %XX.";
                return null;
            }

            route.Append(c);
            segmentLength++;
            previousWasParameter = false;
        }

        if (text.Length > 1 && segmentLength == 0)
        {
            error = "A path does not end with '/' (only the root path '/' does).";
            return null;
        }

        return new PathTemplate(text, parameters.ToEquatableArray(), route.ToString());
    }

    private static bool IsHex(char c) => c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F';

    /// <summary>RFC 3986's pchar, without the percent escape: unreserved, sub-delims, ':' and '@'.</summary>
    private static bool IsPathCharacter(char c) =>
        c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9'
            or '-' or '.' or '_' or '~' or '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=' or ':' or '@';

    private static string Printable(char c) => c < ' ' || c == 0x7f || char.IsWhiteSpace(c) || char.IsSurrogate(c) ? $"U+{(int)c:X4}" : c.ToString();
}
