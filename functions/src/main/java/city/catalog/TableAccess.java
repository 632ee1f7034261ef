package city.catalog;

/**
 * What a function may do with one of its tables. CDK grants exactly this (read: GetItem, BatchGetItem,
 * Query, Scan; write: PutItem, UpdateItem, DeleteItem, BatchWriteItem); a function declares the least its
 * handler needs, so a public read-only API holds no write permission on a table that keeps money.
 */
public enum TableAccess {
  /** Reads only: public feeds, ops views. */
  READ,
  /** Writes only, never reads back: dead letters, reporters' contact details. */
  WRITE,
  /** Reads and conditional writes: every function that changes state it first reads. */
  READ_WRITE;

  public boolean reads() {
    return this != WRITE;
  }

  public boolean writes() {
    return this != READ;
  }
}
