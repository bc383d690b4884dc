using System;
using System.IO;

namespace Stagehand.Analyzers.Tests.Infrastructure;

/// <summary>Finds the repository's folders from wherever the tests run.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Stagehand.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Stagehand.sln was not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    public static string Schemas => Path.Combine(Root, "schemas");

    public static string Docs => Path.Combine(Root, "docs");

    public static string AnalyzersSource => Path.Combine(Root, "src", "Stagehand.Analyzers");

    public static string Consumer => Path.Combine(Root, "tests", "Stagehand.Analyzers.Consumer");

    public static string ReadSchema(string relativePath) => File.ReadAllText(Path.Combine(Schemas, relativePath));
}
