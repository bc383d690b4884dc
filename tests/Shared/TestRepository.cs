using System;
using System.IO;

namespace Stagehand.Testing;

/// <summary>The repository the tests run in: the nearest folder above the test assembly that holds Stagehand.sln.</summary>
internal static class TestRepository
{
    public static string Root { get; } = Find();

    public static string Schemas => Path.Combine(Root, "schemas");

    /// <summary>The official JSON Schema test suite, beside the repository (it may be absent).</summary>
    public static string JsonSchemaTestSuite => Path.GetFullPath(Path.Combine(Root, "..", "shared", "json-schema-test-suite"));

    /// <summary>Upstream Stagehand's published specs, kept beside the repository as reference data (they may be absent).</summary>
    public static string Upstream => Path.GetFullPath(Path.Combine(Root, "..", "shared", "upstream"));

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Stagehand.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Stagehand.sln was not found above " + AppContext.BaseDirectory);
    }
}
