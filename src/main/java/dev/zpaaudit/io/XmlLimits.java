package dev.zpaaudit.io;

/**
 * Bounds on an untrusted XML document: input characters, nesting depth, number of elements,
 * attributes per element, and the length of one attribute value or one element's text.
 */
public record XmlLimits(
    long maxChars, int maxDepth, int maxElements, int maxAttributes, int maxValueChars) {
  /**
   * The bounds used for exports: the file size limit of {@link InputFiles}, depth 64, 5M elements.
   */
  public static final XmlLimits DEFAULT =
      new XmlLimits(InputFiles.MAX_BYTES, 64, 5_000_000, 64, 1_000_000);

  public XmlLimits {
    if (maxChars < 1 || maxDepth < 1 || maxElements < 1 || maxAttributes < 0 || maxValueChars < 1) {
      throw new IllegalArgumentException("XML limits must be positive");
    }
  }
}
