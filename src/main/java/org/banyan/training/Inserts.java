package org.banyan.training;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Insert-if-absent that a unique constraint decides. The insert runs behind a savepoint, so that on
 * PostgreSQL a duplicate key leaves the surrounding transaction usable.
 */
@Component
class Inserts {

  private final TransactionTemplate savepoint;

  Inserts(PlatformTransactionManager transactions) {
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /** Runs {@code insert}; answers false when the row was there already. */
  boolean ifAbsent(Runnable insert) {
    try {
      savepoint.executeWithoutResult(status -> insert.run());
      return true;
    } catch (DuplicateKeyException alreadyThere) {
      return false;
    }
  }
}
