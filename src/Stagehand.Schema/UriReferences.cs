using System;
using System.Collections.Generic;
using System.Text;

namespace Stagehand.Schema;

/// <summary>
/// URI references as RFC 3986 resolves them (section 5.2), for any scheme: <c>http</c>, <c>urn</c>, <c>tag</c>, the
/// <c>file</c> URIs schema files are known by. <see cref="System.Uri"/> is not used because it rejects or rewrites
/// URNs and relative references against them, which JSON Schema allows as base URIs.
/// </summary>
internal static class UriReferences
{
    /// <summary>The URI a schema file is known by when it has no <c>$id</c> and the build gives it no URI: its path.</summary>
    public static string FromPath(string path)
    {
        var normalized = SchemaPaths.Normalize(path);
        return "file://" + (normalized.StartsWith("/", StringComparison.Ordinal) ? normalized : "/" + normalized);
    }

    /// <summary>Resolves <paramref name="reference"/> against the absolute URI <paramref name="baseUri"/>.</summary>
    public static string Resolve(string baseUri, string reference)
    {
        var r = Split(reference);
        var b = Split(baseUri);
        string? scheme, authority, query;
        string path;
        if (r.Scheme is not null)
        {
            scheme = r.Scheme;
            authority = r.Authority;
            path = RemoveDotSegments(r.Path);
            query = r.Query;
        }
        else
        {
            scheme = b.Scheme;
            if (r.Authority is not null)
            {
                authority = r.Authority;
                path = RemoveDotSegments(r.Path);
                query = r.Query;
            }
            else
            {
                authority = b.Authority;
                if (r.Path.Length == 0)
                {
                    path = b.Path;
                    query = r.Query ?? b.Query;
                }
                else
                {
                    path = r.Path.StartsWith("/", StringComparison.Ordinal) ? RemoveDotSegments(r.Path) : RemoveDotSegments(Merge(b, r.Path));
                    query = r.Query;
                }
            }
        }

        var result = new StringBuilder();
        if (scheme is not null)
        {
            result.Append(scheme).Append(':');
        }

        if (authority is not null)
        {
            result.Append("//").Append(authority);
        }

        result.Append(path);
        if (query is not null)
        {
            result.Append('?').Append(query);
        }

        if (r.Fragment is not null)
        {
            result.Append('#').Append(r.Fragment);
        }

        return result.ToString();
    }

    /// <summary>Splits an absolute URI into the resource it names and its fragment (empty when there is none; not unescaped).</summary>
    public static (string Resource, string Fragment) SplitFragment(string uri)
    {
        var hash = uri.IndexOf('#');
        return hash < 0 ? (uri, string.Empty) : (uri.Substring(0, hash), uri.Substring(hash + 1));
    }

    /// <summary>Whether <paramref name="reference"/> starts with a scheme (<c>http:</c>, <c>urn:</c>).</summary>
    public static bool IsAbsolute(string reference) => Split(reference).Scheme is not null;

    private static string Merge((string? Scheme, string? Authority, string Path, string? Query, string? Fragment) b, string relativePath)
    {
        if (b.Authority is not null && b.Path.Length == 0)
        {
            return "/" + relativePath;
        }

        var slash = b.Path.LastIndexOf('/');
        return slash < 0 ? relativePath : b.Path.Substring(0, slash + 1) + relativePath;
    }

    private static string RemoveDotSegments(string path)
    {
        if (path.IndexOf('.') < 0)
        {
            return path;
        }

        var input = path;
        var output = new List<string>();
        var absolute = input.StartsWith("/", StringComparison.Ordinal);
        var segments = (absolute ? input.Substring(1) : input).Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var last = i == segments.Length - 1;
            if (segment == ".")
            {
                if (last)
                {
                    output.Add(string.Empty);
                }

                continue;
            }

            if (segment == "..")
            {
                if (output.Count > 0)
                {
                    output.RemoveAt(output.Count - 1);
                }

                if (last)
                {
                    output.Add(string.Empty);
                }

                continue;
            }

            output.Add(segment);
        }

        return (absolute ? "/" : string.Empty) + string.Join("/", output);
    }

    /// <summary>The five parts of RFC 3986's regular expression (appendix B); absent parts are null, the path never is.</summary>
    private static (string? Scheme, string? Authority, string Path, string? Query, string? Fragment) Split(string uri)
    {
        string? fragment = null;
        var hash = uri.IndexOf('#');
        if (hash >= 0)
        {
            fragment = uri.Substring(hash + 1);
            uri = uri.Substring(0, hash);
        }

        string? query = null;
        var question = uri.IndexOf('?');
        if (question >= 0)
        {
            query = uri.Substring(question + 1);
            uri = uri.Substring(0, question);
        }

        string? scheme = null;
        var colon = uri.IndexOf(':');
        if (colon > 0 && IsScheme(uri, colon))
        {
            scheme = uri.Substring(0, colon);
            uri = uri.Substring(colon + 1);
        }

        string? authority = null;
        if (uri.StartsWith("//", StringComparison.Ordinal))
        {
            var end = uri.IndexOf('/', 2);
            authority = end < 0 ? uri.Substring(2) : uri.Substring(2, end - 2);
            uri = end < 0 ? string.Empty : uri.Substring(end);
        }

        return (scheme, authority, uri, query, fragment);
    }

    private static bool IsScheme(string uri, int colon)
    {
        if (!char.IsLetter(uri[0]) || uri[0] > 127)
        {
            return false;
        }

        for (var i = 1; i < colon; i++)
        {
            var c = uri[i];
            if (!(c < 128 && (char.IsLetterOrDigit(c) || c is '+' or '-' or '.')))
            {
                return false;
            }
        }

        return true;
    }
}
