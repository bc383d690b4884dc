namespace Stagehand.Contracts;

/// <summary>
/// The page operations that a session setting can target separately: the server cache
/// (<see cref="Caching.ServerCacheResolver"/>) and the LLM configuration (<see cref="Llm.LlmConfigResolver"/>).
/// </summary>
public enum StagehandOperation
{
    /// <summary>An <c>act</c> call.</summary>
    Act,

    /// <summary>An <c>extract</c> call.</summary>
    Extract,

    /// <summary>An <c>observe</c> call.</summary>
    Observe,
}
