using System;
using System.IO;

namespace Stagehand.Package.Tests;

internal static class Repository
{
    /// <summary>The folder that holds Stagehand.sln, above the test assembly.</summary>
    public static string Root => TestRepository.Root;

    /// <summary>
    /// Copies the build inputs (the root props, <paramref name="folders"/>, without bin and obj) to
    /// <paramref name="destination"/>, so that a build there never touches the working tree's output.
    /// </summary>
    public static string CopyTo(string destination, params string[] folders)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json", "README.md" })
        {
            File.Copy(Path.Combine(Root, file), Path.Combine(destination, file));
        }

        foreach (var folder in folders)
        {
            CopyFolder(Path.Combine(Root, folder), Path.Combine(destination, folder));
        }

        return destination;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            var parts = relative.Split(Path.DirectorySeparatorChar);
            if (Array.IndexOf(parts, "bin") >= 0 || Array.IndexOf(parts, "obj") >= 0)
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
