using System;
using System.Collections.Generic;

namespace Stagehand.Schema;

/// <summary>Path arithmetic for <c>$ref</c>, with forward slashes so results do not depend on the machine.</summary>
internal static class SchemaPaths
{
    public const string Extension = ".schema.json";

    public static bool IsSchemaFile(string path) => path.EndsWith(Extension, StringComparison.OrdinalIgnoreCase);

    public static string Normalize(string path)
    {
        var slashed = path.Replace('\\', '/');
        var rooted = slashed.StartsWith("/", StringComparison.Ordinal);
        var parts = new List<string>();
        foreach (var part in slashed.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == ".." && parts.Count > 0 && parts[parts.Count - 1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(part);
        }

        var joined = string.Join("/", parts);
        return rooted ? "/" + joined : joined;
    }

    public static string Directory(string path)
    {
        var normalized = Normalize(path);
        var slash = normalized.LastIndexOf('/');
        return slash < 0 ? string.Empty : normalized.Substring(0, slash);
    }

    public static string FileName(string path)
    {
        var normalized = path.Replace('\\', '/');
        var slash = normalized.LastIndexOf('/');
        return slash < 0 ? normalized : normalized.Substring(slash + 1);
    }

    public static string Stem(string path)
    {
        var name = FileName(path);
        return name.EndsWith(Extension, StringComparison.OrdinalIgnoreCase)
            ? name.Substring(0, name.Length - Extension.Length)
            : name;
    }

    /// <summary>Splits a reference into the file it names (resolved against <paramref name="fromPath"/>) and its fragment.</summary>
    public static (string File, string Fragment) Resolve(string fromPath, string reference)
    {
        var hash = reference.IndexOf('#');
        var filePart = hash < 0 ? reference : reference.Substring(0, hash);
        var fragment = hash < 0 ? string.Empty : reference.Substring(hash + 1);
        var file = filePart.Length == 0
            ? Normalize(fromPath)
            : Normalize(Directory(fromPath) + "/" + filePart);
        return (file, Uri.UnescapeDataString(fragment));
    }

    /// <summary>The path of <paramref name="path"/> relative to <paramref name="root"/> (a directory), when it lies below it.</summary>
    public static string RelativeTo(string root, string path)
    {
        var normalizedRoot = Normalize(root);
        var normalizedPath = Normalize(path);
        if (normalizedRoot.Length == 0)
        {
            return normalizedPath;
        }

        var prefix = normalizedRoot.EndsWith("/", StringComparison.Ordinal) ? normalizedRoot : normalizedRoot + "/";
        return normalizedPath.StartsWith(prefix, StringComparison.Ordinal)
            ? normalizedPath.Substring(prefix.Length)
            : FileName(normalizedPath);
    }

    /// <summary>The deepest directory that holds every one of <paramref name="paths"/>.</summary>
    public static string CommonDirectory(IEnumerable<string> paths)
    {
        string[]? common = null;
        var length = 0;
        foreach (var path in paths)
        {
            var parts = Directory(path).Split('/');
            if (common is null)
            {
                common = parts;
                length = parts.Length;
                continue;
            }

            var i = 0;
            while (i < length && i < parts.Length && string.Equals(common[i], parts[i], StringComparison.Ordinal))
            {
                i++;
            }

            length = i;
        }

        return common is null ? string.Empty : string.Join("/", common, 0, length);
    }
}
