package dev.zpaaudit.io;

/**
 * Bounds on an untrusted XML document: input characters, nesting depth, number of elements,
 * attributes per element, and the length of one attribute value or one element's text.
 */
public record XmlLimits(
    long maxChars, int maxDepth, int maxElements, int maxAttributes, int maxValueChars) {
  /**
   * The bounds used for exports: the input limit of {@link InputFiles} (--max-input-size), depth
   * 64, and as many elements as that many characters can hold (one per 16 characters, at least 5M).
   */
  public static XmlLimits forExports() {
    long chars = InputFiles.limit();
    int elements = (int) Math.min(Integer.MAX_VALUE, Math.max(5_000_000, chars / 16));
    return new XmlLimits(chars, 64, elements, 64, 1_000_000);
  }

  public XmlLimits {
    if (maxChars < 1 || maxDepth < 1 || maxElements < 1 || maxAttributes < 0 || maxValueChars < 1) {
      throw new IllegalArgumentException("XML limits must be positive");
    }
  }
}
