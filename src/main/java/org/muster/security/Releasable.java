package org.muster.security;

import java.util.List;

/**
 * A view or response object that carries marked content inside it (a page of results, a dashboard
 * card). It lists that content so the response check can inspect it before it leaves.
 */
public interface Releasable {
    List<?> releasableContent();
}
