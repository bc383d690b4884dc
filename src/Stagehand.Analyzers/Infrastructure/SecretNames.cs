using System;
using System.Collections.Generic;
using System.Text;

namespace Stagehand.Analyzers.Infrastructure;

/// <summary>
/// Decides whether a member name looks like it holds a secret. The name is split into words (camelCase, PascalCase,
/// snake_case, kebab-case); it looks secret when a word is a secret term (<c>password</c>, <c>token</c>, ...) or two
/// consecutive words are (<c>api key</c>, <c>private key</c>, ...), unless its last word says it is about the secret
/// rather than the secret itself (<c>token_uri</c>, <c>private_key_id</c>, <c>tokenCount</c>).
/// </summary>
internal static class SecretNames
{
    private static readonly HashSet<string> Terms = new(StringComparer.Ordinal)
    {
        "secret", "secrets", "password", "passwords", "passwd", "pwd", "passphrase", "token", "credential", "credentials",
        "authorization", "apikey", "apikeys", "privatekey", "cookie", "cookies", "bearer",
    };

    private static readonly HashSet<(string, string)> Pairs = new()
    {
        ("api", "key"), ("api", "keys"), ("private", "key"), ("access", "key"), ("secret", "key"), ("signing", "key"),
        ("encryption", "key"), ("session", "key"), ("auth", "header"), ("auth", "headers"), ("client", "secret"),
    };

    private static readonly HashSet<string> AboutTheSecret = new(StringComparer.Ordinal)
    {
        "id", "ids", "uri", "url", "endpoint", "type", "kind", "count", "usage", "limit", "limits", "length", "expiry",
        "expiration", "expires", "at", "name", "path", "file", "location", "format", "hint", "policy", "scope", "scopes",
        "mode", "ttl", "set", "configured", "present", "enabled",
    };

    public static bool LooksSecret(string name)
    {
        var words = Words(name);
        if (words.Count == 0 || (words.Count > 1 && AboutTheSecret.Contains(words[words.Count - 1])))
        {
            return false;
        }

        for (var i = 0; i < words.Count; i++)
        {
            if (Terms.Contains(words[i]) || (i + 1 < words.Count && Pairs.Contains((words[i], words[i + 1]))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The lower-case words of a member name: <c>apiKey</c>, <c>API_KEY</c> and <c>api-key</c> all give api, key.</summary>
    public static List<string> Words(string name)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush(words, current);
                continue;
            }

            if (current.Length > 0 && char.IsUpper(c))
            {
                var previous = name[i - 1];
                var nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && nextIsLower))
                {
                    Flush(words, current);
                }
            }

            current.Append(char.ToLowerInvariant(c));
        }

        Flush(words, current);
        return words;
    }

    private static void Flush(List<string> words, StringBuilder current)
    {
        if (current.Length > 0)
        {
            words.Add(current.ToString());
            current.Clear();
        }
    }
}
