package city.local.iot;

import city.local.iot.SqlToken.Kind;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser for the subset of IoT SQL the catalog uses:
 * <pre>
 * statement  := SELECT item (',' item)* FROM 'filter' [WHERE expr]
 * item       := '*' | expr [AS name]
 * expr       := and (OR and)*
 * and        := not (AND not)*
 * not        := NOT not | comparison
 * comparison := primary [('=' | '&lt;&gt;' | '!=' | '&lt;' | '&gt;' | '&lt;=' | '&gt;=') primary]
 * primary    := 'string' | ['-'] number | TRUE | FALSE | NULL | '(' expr ')' | name '(' [arg (',' arg)*] ')' | name ('.' name)*
 * </pre>
 */
final class SqlParser {
  private final String sql;
  private final List<SqlToken> tokens;
  private int next;

  private SqlParser(String sql) {
    this.sql = sql;
    this.tokens = SqlLexer.tokenize(sql);
  }

  static RuleQuery parse(String sql) {
    return new SqlParser(sql).statement();
  }

  private RuleQuery statement() {
    expectKeyword("SELECT");
    List<SelectItem> select = new ArrayList<>();
    do {
      select.add(selectItem());
    } while (acceptSymbol(","));
    expectKeyword("FROM");
    SqlToken filter = take();
    if (filter.kind() != Kind.STRING) {
      throw error("FROM needs a quoted topic filter", filter);
    }
    TopicFilter from;
    try {
      from = new TopicFilter(filter.text());
    } catch (IllegalArgumentException e) {
      throw new RuleSqlException(e.getMessage(), sql);
    }
    Expression where = null;
    if (peek().isKeyword("WHERE")) {
      take();
      where = expression();
    }
    if (peek().kind() != Kind.END) {
      throw error("unexpected '" + peek().text() + "'", peek());
    }
    return new RuleQuery(sql, select, from, where);
  }

  private SelectItem selectItem() {
    if (acceptSymbol("*")) {
      return SelectItem.allFields();
    }
    Expression expression = expression();
    if (peek().isKeyword("AS")) {
      take();
      SqlToken alias = take();
      if (alias.kind() != Kind.IDENTIFIER) {
        throw error("AS needs a name", alias);
      }
      return new SelectItem(expression, alias.text());
    }
    if (expression instanceof Expression.Field field) {
      return new SelectItem(expression, field.lastName());
    }
    // IoT Core generates a name for unaliased function columns; the twin refuses to guess it
    throw error("a computed column needs AS <name>", peek());
  }

  private Expression expression() {
    Expression left = conjunction();
    while (peek().isKeyword("OR")) {
      take();
      left = new Expression.Logical(false, left, conjunction());
    }
    return left;
  }

  private Expression conjunction() {
    Expression left = negation();
    while (peek().isKeyword("AND")) {
      take();
      left = new Expression.Logical(true, left, negation());
    }
    return left;
  }

  private Expression negation() {
    if (peek().isKeyword("NOT")) {
      take();
      return new Expression.Not(negation());
    }
    return comparison();
  }

  private Expression comparison() {
    Expression left = primary();
    SqlToken operator = peek();
    if (operator.kind() == Kind.SYMBOL && List.of("=", "<>", "!=", "<", ">", "<=", ">=").contains(operator.text())) {
      take();
      return new Expression.Comparison(operator.text(), left, primary());
    }
    return left;
  }

  private Expression primary() {
    SqlToken token = take();
    switch (token.kind()) {
      case STRING:
        return new Expression.Literal(TextNode.valueOf(token.text()));
      case NUMBER:
        return number(token.text(), token);
      case KEYWORD:
        if (token.isKeyword("TRUE") || token.isKeyword("FALSE")) {
          return new Expression.Literal(BooleanNode.valueOf(token.isKeyword("TRUE")));
        }
        if (token.isKeyword("NULL")) {
          return new Expression.Literal(NullNode.getInstance());
        }
        throw error("unexpected " + token.text(), token);
      case SYMBOL:
        if (token.isSymbol("(")) {
          Expression inner = expression();
          expectSymbol(")");
          return inner;
        }
        if (token.isSymbol("-") && peek().kind() == Kind.NUMBER) {
          return number("-" + take().text(), token);
        }
        throw error("unexpected '" + token.text() + "'", token);
      case IDENTIFIER:
        if (acceptSymbol("(")) {
          return call(token);
        }
        List<String> path = new ArrayList<>(List.of(token.text()));
        while (acceptSymbol(".")) {
          SqlToken part = take();
          if (part.kind() != Kind.IDENTIFIER && part.kind() != Kind.KEYWORD) {
            throw error("a field name must follow '.'", part);
          }
          path.add(part.text());
        }
        return new Expression.Field(List.copyOf(path));
      default:
        throw error("unexpected end", token);
    }
  }

  private Expression call(SqlToken name) {
    List<Expression> arguments = new ArrayList<>();
    if (!acceptSymbol(")")) {
      do {
        arguments.add(acceptSymbol("*") ? new Expression.WholePayload() : expression());
      } while (acceptSymbol(","));
      expectSymbol(")");
    }
    SqlFunctions.check(name.text(), arguments, sql);
    return new Expression.Call(name.text(), List.copyOf(arguments));
  }

  private Expression number(String text, SqlToken at) {
    try {
      if (text.contains(".")) {
        return new Expression.Literal(DecimalNode.valueOf(new BigDecimal(text)));
      }
      return new Expression.Literal(LongNode.valueOf(Long.parseLong(text)));
    } catch (NumberFormatException e) {
      throw error("bad number " + text, at);
    }
  }

  private SqlToken peek() {
    return tokens.get(next);
  }

  private SqlToken take() {
    SqlToken token = tokens.get(next);
    if (token.kind() != Kind.END) {
      next++;
    }
    return token;
  }

  private boolean acceptSymbol(String symbol) {
    if (peek().isSymbol(symbol)) {
      take();
      return true;
    }
    return false;
  }

  private void expectSymbol(String symbol) {
    SqlToken token = take();
    if (!token.isSymbol(symbol)) {
      throw error("expected '" + symbol + "'", token);
    }
  }

  private void expectKeyword(String keyword) {
    SqlToken token = take();
    if (!token.isKeyword(keyword)) {
      throw error("expected " + keyword, token);
    }
  }

  private RuleSqlException error(String reason, SqlToken at) {
    return new RuleSqlException(reason + " at " + at.position(), sql);
  }
}
