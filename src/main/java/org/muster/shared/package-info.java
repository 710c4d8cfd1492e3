/** Types every module may use: time, the classification marking, the error model and database bootstrap. */
package org.muster.shared;
